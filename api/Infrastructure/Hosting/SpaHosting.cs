using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.FileProviders;
using Microsoft.Net.Http.Headers;

namespace Gaoxin.Api.Infrastructure.Hosting;

public static class SpaHosting
{
    /// <summary>A compressed copy has the type of the file it is a copy of (app.js.br is JavaScript).</summary>
    private sealed class CompressedContentTypes : IContentTypeProvider
    {
        private readonly FileExtensionContentTypeProvider _types = new();

        public bool TryGetContentType(string subpath, out string contentType) => _types.TryGetContentType(
            subpath.EndsWith(".br", StringComparison.Ordinal) || subpath.EndsWith(".gz", StringComparison.Ordinal) ? subpath[..^3] : subpath, out contentType!);
    }

    /// <summary>
    /// Serves the built single-page app (client/dist, or <c>Spa:Root</c>) at "/", with client-side routes falling
    /// back to index.html. The fallback answers GET only and never under /api, so an unknown API path stays a 404
    /// problem and a wrong method on an API path stays a 405. Files are sent Brotli- or gzip-compressed when the build
    /// wrote such a copy (client/scripts/compress.mjs) and the browser accepts it; hashed assets are cached for good,
    /// index.html is revalidated every time, so a new release is picked up at once.
    /// </summary>
    public static WebApplication MapSpa(this WebApplication app)
    {
        var root = app.Configuration["Spa:Root"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, app.Environment.ContentRootPath)
            : Path.GetFullPath(Path.Combine(app.Environment.ContentRootPath, "..", "client", "dist"));
        if (!File.Exists(Path.Combine(root, "index.html")))
        {
            app.Logger.LogWarning("No built SPA at {Root}; only the API is served. `make run` builds it.", root);
            return app;
        }

        var files = new PhysicalFileProvider(root);
        var options = new StaticFileOptions { FileProvider = files, ContentTypeProvider = new CompressedContentTypes(), OnPrepareResponse = Prepare };
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.Use((context, next) => PreferCompressed(context, next, files));
        app.UseStaticFiles(options);
        app.MapFallbackToFile("{**path:nonfile:regex(^(?!api/|openapi/|swagger/|health/).*$)}", "index.html", options)
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .ExcludeFromDescription();
        return app;
    }

    /// <summary>Points a request for a file at its compressed copy when there is one the browser accepts.</summary>
    private static Task PreferCompressed(HttpContext context, Func<Task> next, IFileProvider files)
    {
        var path = context.Request.Path.Value;
        if (path is null || path.StartsWith("/api/", StringComparison.Ordinal) || !Path.HasExtension(path))
        {
            return next();
        }
        var accepted = context.Request.Headers.AcceptEncoding.ToString();
        foreach (var (encoding, extension) in new[] { ("br", ".br"), ("gzip", ".gz") })
        {
            if (accepted.Contains(encoding, StringComparison.OrdinalIgnoreCase) && files.GetFileInfo(path + extension).Exists)
            {
                context.Request.Path = path + extension;
                context.Response.Headers.ContentEncoding = encoding;
                break;
            }
        }
        context.Response.Headers.Vary = HeaderNames.AcceptEncoding;
        return next();
    }

    private static void Prepare(StaticFileResponseContext context)
    {
        // Vite names assets by their content's hash: a changed file is a new name, so a cached one never goes stale.
        context.Context.Response.Headers.CacheControl = context.Context.Request.Path.StartsWithSegments("/assets")
            ? "public, max-age=31536000, immutable"
            : "no-cache";
    }
}
