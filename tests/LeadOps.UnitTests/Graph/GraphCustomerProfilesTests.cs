using LeadOps.Application.Common.Graph;
using LeadOps.Application.Conversations;
using LeadOps.Infrastructure.Graph;
using LeadOps.Infrastructure.Graph.Dtos;
using Moq;

namespace LeadOps.UnitTests.Graph;

/// <summary>The User Profile API's answer, whole or in part: a name alone is still a name.</summary>
public sealed class GraphCustomerProfilesTests
{
    private static readonly GraphCredentials Credentials = new("page-1", "page-token");

    private static async Task<(CustomerProfile Profile, string? Fields)> ReadAsync(GraphUserProfileDto answer)
    {
        var api = new Mock<IGraphApi>(MockBehavior.Strict);
        string? fields = null;
        api.Setup(a => a.GetUserProfileAsync("7001", It.IsAny<string>(), It.IsAny<GraphCallContext>(), It.IsAny<CancellationToken>()))
            .Callback((string _, string f, GraphCallContext _, CancellationToken _) => fields = f)
            .ReturnsAsync(answer);
        return ((await new GraphCustomerProfiles(api.Object).GetAsync(Credentials, "7001", CancellationToken.None))!, fields);
    }

    [Test]
    public async Task First_and_last_name_and_picture_are_read_as_documented()
    {
        var (profile, _) = await ReadAsync(new GraphUserProfileDto { Id = "7001", FirstName = "Peter", LastName = "Chang", ProfilePic = "https://x/p.png", Name = "Peter Chang" });
        Assert.That(profile, Is.EqualTo(new CustomerProfile("Peter", "Chang", "https://x/p.png")));
    }

    [TestCase("Peter Chang", "Peter", "Chang")]
    [TestCase("Madonna", "Madonna", null)]
    [TestCase("  Ana  Maria Lima ", "Ana", "Maria Lima")]
    public async Task A_profile_with_only_a_name_shows_that_name(string name, string first, string? last)
    {
        var (profile, fields) = await ReadAsync(new GraphUserProfileDto { Id = "7001", Name = name });
        Assert.Multiple(() =>
        {
            Assert.That(profile, Is.EqualTo(new CustomerProfile(first, last, null)));
            Assert.That(fields!.Split(','), Does.Contain("name").And.Contain("first_name").And.Contain("last_name").And.Contain("profile_pic"));
        });
    }

    [Test]
    public async Task A_profile_with_no_name_at_all_has_none()
    {
        var (profile, _) = await ReadAsync(new GraphUserProfileDto { Id = "7001" });
        Assert.That(profile, Is.EqualTo(new CustomerProfile(null, null, null)));
    }
}
