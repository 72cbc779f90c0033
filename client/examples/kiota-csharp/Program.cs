// GET, change, PUT back, as an unattended municipal system would do it with a client Kiota generated from
// openapi.json: the object a GET returns is the body the PUT takes, so nothing is mapped by hand. Kiota leaves the
// read-only members (code, name, version…) out of the body, which the API accepts (README: "GET, change, PUT back").
//   GAOXIN_API=http://localhost:5080 GAOXIN_API_KEY=gx_… dotnet run
using Gaoxin.Examples.Kiota.Client;
using Gaoxin.Examples.Kiota.Client.Models;
using Microsoft.Kiota.Abstractions.Authentication;
using Microsoft.Kiota.Http.HttpClientLibrary;
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

var baseUrl = Environment.GetEnvironmentVariable("GAOXIN_API") ?? "http://localhost:5080";
var apiKey = Environment.GetEnvironmentVariable("GAOXIN_API_KEY") ?? throw new InvalidOperationException("Set GAOXIN_API_KEY to a key with the write scope.");
// The key travels in a header on every request (Kiota's own API-key provider insists on https, and make test's API
// listens on loopback over plain http).
var http = KiotaClientFactory.Create();
http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
var adapter = new HttpClientRequestAdapter(new AnonymousAuthenticationProvider(), httpClient: http) { BaseUrl = baseUrl };
var gaoxin = new GaoxinClient(adapter);

// A park: read it with its ETag, change one member, send the same object back with If-Match.
var parkItem = gaoxin.Api.V1.Parks["haidong"];
var read = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
var park = await parkItem.GetAsync(c => c.Options.Add(read)) ?? throw new InvalidOperationException("no park");
park.LandArea = new AreaDto { Value = 5000, Unit = AreaUnit.Mu };
var written = await parkItem.PutAsync(park, c => c.Headers.Add("If-Match", read.ResponseHeaders["ETag"].Single()))
    ?? throw new InvalidOperationException("no park written");
Check(written.Version == park.Version + 1, $"park version {park.Version} → {written.Version}");
Check(written.LandArea?.Value == 5000 && written.Names?.Zh == park.Names?.Zh, "park: the change is kept, the rest unchanged");

// An indicator, read in English: its breakdown (a nested object with read-only labels) goes back as it came.
var indicatorItem = gaoxin.Api.V1.Indicators["enterprise-rnd-institutions"];
var readIndicator = new HeadersInspectionHandlerOption { InspectResponseHeaders = true };
var indicator = await indicatorItem.GetAsync(c => { c.Options.Add(readIndicator); c.Headers.Add("Accept-Language", "en"); })
    ?? throw new InvalidOperationException("no indicator");
indicator.Descriptions = new LocalizedText { Zh = indicator.Descriptions?.Zh, En = indicator.Descriptions?.En + " (checked by the Kiota example)" };
var renamed = await indicatorItem.PutAsync(indicator, c => c.Headers.Add("If-Match", readIndicator.ResponseHeaders["ETag"].Single()))
    ?? throw new InvalidOperationException("no indicator written");
Check(renamed.Descriptions?.En?.EndsWith("(checked by the Kiota example)") == true, "indicator: description changed");
Check(renamed.Breakdown?.Members?.Count == indicator.Breakdown?.Members?.Count, "indicator: breakdown kept");

Console.WriteLine("kiota example: read-modify-write of a park and an indicator, no hand mapping: ok");
return 0;

static void Check(bool condition, string what)
{
    if (!condition)
    {
        throw new InvalidOperationException("kiota example failed: " + what);
    }
    Console.WriteLine("  ok: " + what);
}
