namespace LeadOps.Application.Account;

/// <summary>Finds whose personal API key was presented. Runs before anyone is signed in.</summary>
public interface IApiKeyAuthenticator
{
    /// <summary>The owner and the key for an active key, else null. Compares hashes in constant time.</summary>
    Task<ApiKeyOwner?> AuthenticateAsync(string presentedKey, CancellationToken cancellationToken);
}
