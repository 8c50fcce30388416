using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Domain.Common;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Platform;

public sealed class IsolationTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task Another_users_api_key_is_invisible_and_404_through_the_api()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        var aliceKeyId = await FirstKeyIdAsync(alice);

        using var bobClient = App.ApiClient(bob);
        var bobKeys = await bobClient.GetFromJsonAsync<JsonElement>("/api/api-keys");
        Assert.That(bobKeys.GetProperty("api_keys").EnumerateArray().Select(k => k.GetProperty("id").GetGuid()), Does.Not.Contain(aliceKeyId));

        using var bobSignedIn = await App.SignedInApiClientAsync(bob);
        var revoke = await bobSignedIn.DeleteAsync($"/api/api-keys/{aliceKeyId}");
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await IsActiveAsync(alice.Id, aliceKeyId), Is.True, "nothing changed");
    }

    [Test]
    public async Task Another_users_api_key_is_404_through_the_account_page()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        var aliceKeyId = await FirstKeyIdAsync(alice);

        using var bobBrowser = await App.SignedInClientAsync(bob);
        var page = await bobBrowser.GetStringAsync("/Account");
        Assert.That(page, Does.Not.Contain(aliceKeyId.ToString()));

        var revoke = await bobBrowser.PostFormAsync($"/Account?handler=RevokeKey&id={aliceKeyId}", new Dictionary<string, string>(), formPage: "/Account");
        Assert.That(revoke.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await IsActiveAsync(alice.Id, aliceKeyId), Is.True, "nothing changed");
    }

    [Test]
    public async Task An_owned_row_cannot_be_inserted_for_another_owner()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        await using var scope = App.ScopeFor(bob.Id);
        var db = App.Db(scope);
        db.ApiKeys.Add(new ApiKey { OwnerId = alice.Id, Name = "planted", Prefix = "lo_deadbeef", SecretHash = new byte[32], CreatedAt = DateTimeOffset.UtcNow });

        Assert.ThrowsAsync<OwnershipViolationException>(() => db.SaveChangesAsync());
    }

    [Test]
    public async Task An_owned_row_of_another_owner_cannot_be_changed_or_deleted()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        var aliceKeyId = await FirstKeyIdAsync(alice);

        await using var scope = App.ScopeFor(bob.Id);
        var db = App.Db(scope);
        Assert.That(await db.ApiKeys.AnyAsync(k => k.Id == aliceKeyId), Is.False, "the owner filter hides it");

        var stolen = await db.ApiKeys.IgnoreQueryFilters([LeadOpsDbContext.OwnerFilter]).SingleAsync(k => k.Id == aliceKeyId);
        stolen.RevokedAt = DateTimeOffset.UtcNow;
        Assert.ThrowsAsync<OwnershipViolationException>(() => db.SaveChangesAsync());

        db.ChangeTracker.Clear();
        db.Remove(stolen);
        Assert.ThrowsAsync<OwnershipViolationException>(() => db.SaveChangesAsync());
        Assert.That(await IsActiveAsync(alice.Id, aliceKeyId), Is.True);
    }

    [Test]
    public async Task Nobody_signed_in_sees_no_owned_rows_and_cannot_save_them()
    {
        await App.NewUserAsync();
        await using var scope = App.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
        Assert.That(await db.ApiKeys.CountAsync(), Is.Zero);

        db.ApiKeys.Add(new ApiKey { Name = "orphan", Prefix = "lo_0badf00d", SecretHash = new byte[32], CreatedAt = DateTimeOffset.UtcNow });
        Assert.ThrowsAsync<OwnershipViolationException>(() => db.SaveChangesAsync());
    }

    [Test]
    public async Task A_pooled_context_forgets_its_user_when_the_scope_ends()
    {
        var alice = await App.NewUserAsync();
        var bob = await App.NewUserAsync();
        var aliceKeyId = await FirstKeyIdAsync(alice);

        LeadOpsDbContext aliceDb;
        await using (var scope = App.ScopeFor(alice.Id))
        {
            aliceDb = App.Db(scope);
            Assert.That(aliceDb.CurrentOwnerId, Is.EqualTo(alice.Id));
            Assert.That(await aliceDb.ApiKeys.AnyAsync(k => k.Id == aliceKeyId), Is.True);
        }

        Assert.That(aliceDb.CurrentUser, Is.SameAs(NoUser.Instance), "back in the pool as nobody");
        await using (var scope = App.ScopeFor(bob.Id))
        {
            var bobDb = App.Db(scope);
            Assert.That(bobDb.CurrentOwnerId, Is.EqualTo(bob.Id));
            Assert.That(await bobDb.ApiKeys.AnyAsync(k => k.Id == aliceKeyId), Is.False);
        }
    }

    private async Task<Guid> FirstKeyIdAsync(TestUser user)
    {
        await using var scope = App.ScopeFor(user.Id);
        return await App.Db(scope).ApiKeys.Select(k => k.Id).FirstAsync();
    }

    private async Task<bool> IsActiveAsync(string ownerId, Guid keyId)
    {
        await using var scope = App.ScopeFor(ownerId);
        return await App.Db(scope).ApiKeys.AnyAsync(k => k.Id == keyId && k.RevokedAt == null);
    }
}
