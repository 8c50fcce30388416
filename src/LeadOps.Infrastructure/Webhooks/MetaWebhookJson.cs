namespace LeadOps.Infrastructure.Webhooks;

/// <summary>
/// How a Meta webhook body is parsed, at the door and by the worker alike. Meta's reference pages print samples with a
/// trailing comma (<c>messaging_referrals</c>: <c>"type": "OPEN_THREAD",</c> before the closing brace); a body
/// pasted from them is read rather than refused. Anything else that is not JSON is still refused.
/// </summary>
public static class MetaWebhookJson
{
    public static readonly JsonDocumentOptions Options = new() { AllowTrailingCommas = true };
}
