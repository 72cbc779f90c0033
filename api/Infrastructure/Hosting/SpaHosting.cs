using Microsoft.Extensions.FileProviders;

namespace Gaoxin.Api.Infrastructure.Hosting;

public static class SpaHosting
{
    /// <summary>
    /// Serves the built single-page app (client/dist, or <c>Spa:Root</c>) at "/", with client-side routes falling
    /// back to index.html. The fallback answers GET only and never under /api, so an unknown API path stays a 404
    /// problem and a wrong method on an API path stays a 405.
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
        app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
        app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        app.MapFallbackToFile("{**path:nonfile:regex(^(?!api/|openapi/|swagger/|health/).*$)}", "index.html", new StaticFileOptions { FileProvider = files })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .ExcludeFromDescription();
        return app;
    }
}
