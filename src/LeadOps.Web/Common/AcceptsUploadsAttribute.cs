using LeadOps.Application.Conversations;

namespace LeadOps.Web.Common;

/// <summary>
/// A page whose form uploads a file (the reply box's image or file): its multipart posts may be as large as Meta's
/// attachment limit plus the form's other fields, rather than <c>Security:MaxRequestBodyBytes</c>, so that a file over
/// the configured upload limit reaches the handler and is refused beside the form with its message
/// (<see cref="RequestInputChecks"/>). Other posts to the page keep the usual limit.
/// </summary>
[AttributeUsage(AttributeTargets.Class)]
internal sealed class AcceptsUploadsAttribute : Attribute
{
    /// <summary>Room for the text, the antiforgery token, the idempotency key and the multipart framing.</summary>
    public const long FormFieldsBytes = 64 * 1024;

    public const long MaxBodyBytes = AttachmentOptions.MetaUploadLimit + FormFieldsBytes;
}
