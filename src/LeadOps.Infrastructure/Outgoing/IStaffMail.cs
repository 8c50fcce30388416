namespace LeadOps.Infrastructure.Outgoing;

/// <summary>Sends one staff alert e-mail (<see cref="StaffMail"/>): null when it left, else what went wrong.</summary>
internal interface IStaffMail
{
    Task<string?> SendAsync(string to, string subject, string text, CancellationToken cancellationToken);
}
