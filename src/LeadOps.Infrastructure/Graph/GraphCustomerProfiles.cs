namespace LeadOps.Infrastructure.Graph;

/// <summary>
/// <see cref="ICustomerProfiles"/> over the User Profile API (<c>GET /{psid}?fields=first_name,last_name,name,profile_pic</c>).
/// A profile that answers with its whole <c>name</c> only is read as that name (first word, then the rest). Meta's
/// "No profile available for this user." (2018218, as the code or the subcode: the reference says "error code") is no
/// profile for that one person; so is a PSID Graph cannot load (100/33, "Object with ID … does not exist").
/// </summary>
internal sealed class GraphCustomerProfiles(IGraphApi graphApi) : ICustomerProfiles
{
    private const string Fields = "first_name,last_name,name,profile_pic";

    private const int NoProfileAvailable = 2018218;

    public async Task<CustomerProfile?> GetAsync(GraphCredentials credentials, string psid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(psid);
        GraphUserProfileDto profile;
        try
        {
            profile = await GraphCall.RunAsync(() => graphApi.GetUserProfileAsync(psid, Fields, GraphCallContext.ForPage(credentials), cancellationToken));
        }
        catch (GraphApiException ex) when (ex.Failure.Code == NoProfileAvailable || ex.Failure.Subcode == NoProfileAvailable || ex.Failure.ObjectMissing)
        {
            // Also 100/33 "Unsupported get request. Object with ID '<psid>' does not exist, cannot be loaded…": Graph cannot
            // load this one person (integrators see it for some PSIDs while the page's other profiles read fine).
            return null;
        }

        if (string.IsNullOrWhiteSpace(profile.FirstName) && string.IsNullOrWhiteSpace(profile.LastName) && !string.IsNullOrWhiteSpace(profile.Name))
        {
            var parts = profile.Name.Trim().Split(' ', 2, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            return new CustomerProfile(parts[0], parts.Length > 1 ? parts[1] : null, profile.ProfilePic);
        }

        return new CustomerProfile(profile.FirstName, profile.LastName, profile.ProfilePic);
    }
}
