using System.Text.Json.Nodes;

namespace LeadOps.GraphSandbox;

/// <summary>What a Graph call answers: JSON with a status, or a Graph error, or (for a fault) a non-Graph body.</summary>
internal sealed record GraphReply(int Status, string Body, string ContentType, GraphError? Error = null)
{
    public const string JsonContentType = "application/json; charset=UTF-8";

    public static GraphReply Json<T>(T value) => new(200, GraphJson.Serialize(value), JsonContentType);

    public static GraphReply Json(JsonNode node) => new(200, GraphJson.Serialize(node), JsonContentType);

    public static GraphReply Fail(GraphError error) => new(error.HttpStatus, "", JsonContentType, error);

    public static GraphReply ProxyError() =>
        new(500, "<html><head><title>500 Internal Server Error</title></head><body><h1>Internal Server Error</h1></body></html>", "text/html; charset=utf-8");

    /// <summary>A status with no body at all, as a load balancer answers.</summary>
    public static GraphReply Bare(int status) => new(status, "", "");
}
