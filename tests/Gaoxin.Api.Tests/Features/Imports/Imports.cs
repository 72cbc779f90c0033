using System.Net.Http.Headers;
using System.Text;
using Gaoxin.Contracts.Imports;

namespace Gaoxin.Api.Tests.Features.Imports;

/// <summary>How a script talks to the import endpoint: raw bytes, a content type, options in the query string.</summary>
public static class Imports
{
    public const string ObservationHeader = "indicator_code,park_code,period,breakdown_member,value,as_of,source,note";

    public static string Csv(params string[] rows) => ObservationHeader + "\n" + string.Join("\n", rows) + "\n";

    public static async Task<HttpResponseMessage> PostAsync(this HttpClient client, string kind, byte[] body, string contentType,
        string query = "", string? idempotencyKey = null, string language = "zh-CN")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/imports/{kind}{(query.Length > 0 ? "?" + query : "")}")
        {
            Content = new ByteArrayContent(body),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        request.Headers.AcceptLanguage.ParseAdd(language);
        if (idempotencyKey is not null)
        {
            request.Headers.Add("Idempotency-Key", idempotencyKey);
        }
        return await client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostCsvAsync(this HttpClient client, string kind, string csv, string query = "", string? idempotencyKey = null, string language = "zh-CN") =>
        client.PostAsync(kind, Encoding.UTF8.GetBytes(csv), "text/csv", query, idempotencyKey, language);

    public static async Task<ImportReportDto> ReportAsync(this HttpResponseMessage response) => await response.ReadAsync<ImportReportDto>();

    /// <summary>The report inside a 422 import.rejected problem.</summary>
    public static async Task<ImportReportDto> RejectedReportAsync(this HttpResponseMessage response)
    {
        var problem = await response.ReadProblemAsync(System.Net.HttpStatusCode.UnprocessableEntity, "import.rejected");
        return System.Text.Json.JsonSerializer.Deserialize<ImportReportDto>(problem.GetProperty("report").GetRawText(), Http.Json)!;
    }

    public static string SamplePath(string file) => Path.Combine(Path.GetDirectoryName(Policies.PolicySamples.FilePath)!, file);
}
