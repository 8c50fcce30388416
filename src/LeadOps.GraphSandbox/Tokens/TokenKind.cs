namespace LeadOps.GraphSandbox;

/// <summary>What kind of token a call carries.</summary>
internal enum TokenKind
{
    Unknown,
    App,
    Page,

    /// <summary>A person's user token (<see cref="SandboxSeed.TokenOwnerUserToken"/>): <c>/me</c> is the person, no page edge works.</summary>
    User,

    /// <summary>A dataset's Conversions API token: good for <c>POST /{dataset-id}/events</c> only.</summary>
    Dataset,
}
