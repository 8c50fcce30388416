using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>What a Graph call answers: JSON with a status, or a Graph error, or (for a fault) a non-Graph body.</summary>
internal sealed record GraphReply(int Status, string Body, string ContentType, GraphError? Error = null)
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    public static GraphReply Json<T>(T value) => new(200, GraphJson.Serialize(value), JsonContentType);

    public static GraphReply Json(JsonNode node) => new(200, GraphJson.Serialize(node), JsonContentType);

    private const string HtmlContentType = "text/html; charset=utf-8";

    /// <summary>Written instead of the error's JSON body, which was lost on the way (the status and headers still say it).</summary>
    public string? BodyInsteadOfError { get; init; }

    public static GraphReply Fail(GraphError error) => new(error.HttpStatus, "", JsonContentType, error);

    /// <summary>The error's status and headers with no body, or with an HTML page where its JSON was.</summary>
    public static GraphReply FailWithoutBody(GraphError error, bool html) =>
        new(error.HttpStatus, "", html ? HtmlContentType : "", error) { BodyInsteadOfError = html ? HtmlPage(error.HttpStatus, "Bad Request") : "" };

    public static GraphReply ProxyError() => new(500, HtmlPage(500, "Internal Server Error"), HtmlContentType);

    private static string HtmlPage(int status, string title) =>
        $"<html><head><title>{status} {title}</title></head><body><h1>{title}</h1></body></html>";

    /// <summary>A status with no body at all, as a load balancer answers.</summary>
    public static GraphReply Bare(int status) => new(status, "", "");
}
