namespace LeadOps.Web.Common;

/// <summary>What <c>_BadInput</c> lists: each problem with the request, in words.</summary>
public sealed record BadInputView(IReadOnlyList<string> Problems);
