using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace LeadOps.IntegrationTests.Inbox.Support;

/// <summary>A file a form uploads.</summary>
public sealed record FormFile(string Field, string FileName, string ContentType, byte[] Bytes);

/// <summary>Forms of the Inbox pages posted as a browser posts them: with the page's antiforgery token, and files as multipart.</summary>
public static partial class PageForms
{
    /// <summary>GETs <paramref name="formPage"/> for its antiforgery token and reply idempotency key, then POSTs the fields and the file as multipart.</summary>
    public static async Task<HttpResponseMessage> PostMultipartAsync(this HttpClient client, string path, IDictionary<string, string> fields, FormFile? file, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        var token = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields)
        {
            content.Add(new StringContent(value), name);
        }

        if (!fields.ContainsKey("Reply.IdempotencyKey") && IdempotencyKey().Match(page) is { Success: true } key)
        {
            content.Add(new StringContent(key.Groups[1].Value), "Reply.IdempotencyKey");
        }

        content.Add(new StringContent(token), "__RequestVerificationToken");
        if (file is not null)
        {
            var bytes = new ByteArrayContent(file.Bytes);
            bytes.Headers.ContentType = MediaTypeHeaderValue.Parse(file.ContentType);
            content.Add(bytes, file.Field, file.FileName);
        }

        return await client.PostAsync(path, content);
    }

    /// <summary>POSTs form fields with the antiforgery token of <paramref name="formPage"/> (for the page script's own calls).</summary>
    public static async Task<HttpResponseMessage> PostWithTokenAsync(this HttpClient client, string path, IDictionary<string, string> fields, string formPage)
    {
        var page = await client.GetStringAsync(formPage);
        var body = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryToken().Match(page).Groups[1].Value) };
        return await client.PostAsync(path, new FormUrlEncodedContent(body));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("name=\"Reply.IdempotencyKey\" value=\"([^\"]+)\"")]
    private static partial Regex IdempotencyKey();
}
