namespace LeadOps.Infrastructure.Graph;

/// <summary><see cref="ICustomerProfiles"/> over the User Profile API (<c>GET /{psid}?fields=first_name,last_name,profile_pic</c>).</summary>
internal sealed class GraphCustomerProfiles(IGraphApi graphApi) : ICustomerProfiles
{
    private const string Fields = "first_name,last_name,profile_pic";

    public async Task<CustomerProfile> GetAsync(GraphCredentials credentials, string psid, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrEmpty(psid);
        var profile = await GraphCall.RunAsync(() => graphApi.GetUserProfileAsync(psid, Fields, GraphCallContext.ForPage(credentials), cancellationToken));
        return new CustomerProfile(profile.FirstName, profile.LastName, profile.ProfilePic);
    }
}
