using System.Net;
using System.Net.Sockets;

namespace Gaoxin.Api.Tests.Features.Health;

/// <summary>
/// A TCP relay between the API and the real PostgreSQL, on a port of its own. Cut drops every open connection and
/// refuses new ones, which from the API's side is a database that went away; Restore listens again on the same
/// port, which is the database coming back. Nothing is mocked: the bytes are PostgreSQL's.
/// </summary>
public sealed class DatabaseRelay : IAsyncDisposable
{
    private readonly IPEndPoint _target;
    private readonly List<TcpClient> _open = [];
    private TcpListener? _listener;
    private CancellationTokenSource _cut = new();

    public DatabaseRelay(string host, int port)
    {
        _target = new IPEndPoint(Dns.GetHostAddresses(host).First(a => a.AddressFamily == AddressFamily.InterNetwork), port);
        Port = Listen(0);
    }

    public int Port { get; }

    private int Listen(int port)
    {
        _cut = new CancellationTokenSource();
        _listener = new TcpListener(IPAddress.Loopback, port);
        _listener.Start();
        _ = AcceptAsync(_listener, _cut.Token);
        return ((IPEndPoint)_listener.LocalEndpoint).Port;
    }

    public void Cut()
    {
        _cut.Cancel();
        _listener?.Stop();
        lock (_open)
        {
            foreach (var client in _open)
            {
                Reset(client);
            }
            _open.Clear();
        }
    }

    public void Restore() => Listen(Port);

    private async Task AcceptAsync(TcpListener listener, CancellationToken cut)
    {
        while (!cut.IsCancellationRequested)
        {
            TcpClient inbound;
            try
            {
                inbound = await listener.AcceptTcpClientAsync(cut);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = RelayAsync(inbound, cut);
        }
    }

    private async Task RelayAsync(TcpClient inbound, CancellationToken cut)
    {
        var outbound = new TcpClient();
        lock (_open)
        {
            _open.Add(inbound);
            _open.Add(outbound);
        }
        try
        {
            await outbound.ConnectAsync(_target, cut);
            await Task.WhenAny(
                inbound.GetStream().CopyToAsync(outbound.GetStream(), cut),
                outbound.GetStream().CopyToAsync(inbound.GetStream(), cut));
        }
        catch (Exception e) when (e is OperationCanceledException or IOException or SocketException or ObjectDisposedException)
        {
        }
        finally
        {
            // Under the lock, so a relay ending by itself and Cut never touch the same socket at once.
            lock (_open)
            {
                _open.Remove(inbound);
                _open.Remove(outbound);
                inbound.Dispose();
                outbound.Dispose();
            }
        }
    }

    private static void Reset(TcpClient client)
    {
        try
        {
            if (client.Client is { Connected: true } socket)
            {
                socket.LingerState = new LingerOption(true, 0); // reset, as a dead server's host would
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException)
        {
            // Its peer closed it first: it is gone either way.
        }
        client.Dispose();
    }

    public ValueTask DisposeAsync()
    {
        Cut();
        return ValueTask.CompletedTask;
    }
}
