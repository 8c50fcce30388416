using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.GraphSandbox;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// The Inbox's search on each provider (ADR 0020): the customer's name, PSID and the words of messages (the customer's,
/// the page's, staff's), ignoring case and accents, every word required, paged, and only the user's own conversations.
/// </summary>
public sealed class InboxSearchTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task Search_finds_names_psids_and_message_words_ignoring_case_and_accents_and_pages_the_matches()
    {
        var staff = await NewStaffAsync();
        var (first, second, other) = (NewPsid(), NewPsid(), NewPsid());
        var firstId = await CustomerWritesAsync(staff, first, "Olá, sou o João e quero um ORÇAMENTO para a bicicleta");
        var secondId = await CustomerWritesAsync(staff, second, "Orçamento da trotinete, por favor");
        var otherId = await CustomerWritesAsync(staff, other, "Hello there");
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{otherId}/messages", new { text = "Our Großhändler price list is attached" });
        Assert.That(reply.IsSuccessStatusCode, Is.True, await reply.Content.ReadAsStringAsync());
        var name = Meta.GetSummary().Pages.Single(p => p.Id == SandboxSeed.MainPageId).Customers.Single(c => c.Psid == other).Name;

        await Assert.MultipleAsync(async () =>
        {
            // The sandbox may also name a customer João: the message's João is found, whatever else is.
            Assert.That(await SearchAsync(staff, "joao"), Does.Contain(firstId));
            Assert.That(await SearchAsync(staff, "JOÃO"), Does.Contain(firstId));
            Assert.That(await SearchAsync(staff, "joao bicicleta"), Is.EqualTo(new[] { firstId }));
            Assert.That(await SearchAsync(staff, "orcamento"), Is.EquivalentTo(new[] { firstId, secondId }));
            Assert.That(await SearchAsync(staff, "orçam bicicl"), Is.EqualTo(new[] { firstId }), "every word must match");
            Assert.That(await SearchAsync(staff, "grosshandler"), Is.Empty);
            Assert.That(await SearchAsync(staff, "großhändler"), Is.EqualTo(new[] { otherId }), "staff replies are searchable");
            Assert.That(await SearchAsync(staff, first[..8]), Does.Contain(firstId), "the start of a PSID");
            Assert.That(await SearchAsync(staff, first), Is.EqualTo(new[] { firstId }), "a whole PSID");
            Assert.That(await SearchAsync(staff, name.ToUpperInvariant()), Does.Contain(otherId), "the customer's name");
        });

        var page1 = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations?q=orcamento&page_size=1&page=1");
        var page2 = await staff.Api.GetFromJsonAsync<JsonElement>("/api/conversations?q=orcamento&page_size=1&page=2");
        var ids = new[] { page1, page2 }.SelectMany(p => p.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(page1.GetProperty("total").GetInt32(), Is.EqualTo(2));
            Assert.That(ids, Is.EquivalentTo(new[] { firstId, secondId }), "two pages of one, each match once");
        });

        var stranger = await NewStaffAsync();
        Assert.That(await SearchAsync(stranger, "orcamento"), Is.Empty, "another user's conversations are never found");
    }

    [Test]
    public async Task A_word_is_indexed_once_per_conversation_however_often_it_is_written()
    {
        var staff = await NewStaffAsync();
        var psid = NewPsid();
        var id = await CustomerWritesAsync(staff, psid, "Orçamento da bicicleta");
        await CustomerWritesAsync(staff, psid, "O orçamento da BICICLETA é urgente, orçamento!");
        var reply = await staff.Api.PostAsJsonAsync($"/api/conversations/{id}/messages", new { text = "O orçamento da bicicleta segue hoje" });
        Assert.That(reply.IsSuccessStatusCode, Is.True, await reply.Content.ReadAsStringAsync());

        await using var scope = App.ScopeFor(staff.User.Id);
        var terms = await App.Db(scope).ConversationSearchTerms.Where(t => t.ConversationId == id).Select(t => t.Term).ToListAsync();
        await Assert.MultipleAsync(async () =>
        {
            Assert.That(terms, Is.Unique, "one row per word of the conversation: " + string.Join(", ", terms.Order()));
            Assert.That(terms, Is.SupersetOf(new[] { "orcamento", "bicicleta", "urgente", "segue", "hoje" }), "every word written is indexed");
            Assert.That(await SearchAsync(staff, "orcamento urgente"), Is.EqualTo(new[] { id }));
            Assert.That(await SearchAsync(staff, "hoje"), Is.EqualTo(new[] { id }), "the reply's new word");
        });
    }

    private static async Task<List<Guid>> SearchAsync(Staff staff, string q)
    {
        var list = await staff.Api.GetFromJsonAsync<JsonElement>($"/api/conversations?q={Uri.EscapeDataString(q)}&page_size=200");
        return [.. list.GetProperty("conversations").EnumerateArray().Select(c => c.GetProperty("id").GetGuid())];
    }
}
