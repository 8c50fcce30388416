namespace LeadOps.Application.Conversations;

/// <summary>Messenger's User Profile API (<c>GET /{psid}?fields=first_name,last_name,profile_pic</c>).</summary>
public interface ICustomerProfiles
{
    /// <summary>
    /// Null when Meta has no profile for this person (an account made with a phone number): a fact about one customer.
    /// Throws <see cref="GraphApiException"/> when Graph refuses (e.g. the app lacks Business Asset User Profile Access).
    /// </summary>
    Task<CustomerProfile?> GetAsync(GraphCredentials credentials, string psid, CancellationToken cancellationToken);
}
