namespace LeadOps.GraphSandbox;

/// <summary>What kind of token a call carries.</summary>
internal enum TokenKind
{
    Unknown,
    App,
    Page,

    /// <summary>A dataset's Conversions API token: good for <c>POST /{dataset-id}/events</c> only.</summary>
    Dataset,
}
