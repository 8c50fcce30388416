using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class SearchFoldingTests
{
    [TestCase("Björn", "bjorn")]
    [TestCase("BJÖRN", "bjorn")]
    [TestCase("Bjorn", "bjorn")]
    [TestCase("José Núñez", "jose nunez")]
    [TestCase("Søren Østergård", "soren ostergard")]
    [TestCase("Straße", "strasse")]
    [TestCase("Łukasz", "lukasz")]
    public void Folding_drops_case_and_accents(string text, string folded) =>
        Assert.That(SearchFolding.Fold(text), Is.EqualTo(folded));

    [Test]
    public void A_lead_is_found_by_its_name_words_its_email_whole_and_in_words_and_any_end_of_its_phone_digits()
    {
        var lead = new Lead { FullName = "Björn Ångström", Email = "Bjorn.A@Example.se", Phone = "+46 70-123 4567" };

        Assert.That(lead.Terms(), Is.EquivalentTo(new[]
        {
            "bjorn", "angstrom", "bjorn.a@example.se", "a", "example", "se",
            "46701234567", "6701234567", "701234567", "01234567", "1234567", "234567", "34567", "4567",
        }));
    }

    [TestCase("björn", new[] { "bjorn" })]
    [TestCase("  Björn   Ångström ", new[] { "bjorn", "angstrom" })]
    [TestCase("+46 70 12", new[] { "467012" })]
    [TestCase("(070) 123-45", new[] { "07012345" })]
    [TestCase("bjorn.a@exa", new[] { "bjorn.a@exa" })]
    [TestCase("o'brien", new[] { "o", "brien" })]
    [TestCase("!!!", new string[0])]
    public void A_search_asks_for_folded_prefixes(string search, string[] prefixes) =>
        Assert.That(SearchFolding.QueryPrefixes(search), Is.EqualTo(prefixes));

    [Test]
    public void The_upper_bound_is_just_above_every_string_with_the_prefix()
    {
        var upper = SearchFolding.UpperBound("bjorn");

        Assert.That(upper, Is.EqualTo("bjoro"));
        Assert.That(string.CompareOrdinal("bjornzzz", upper), Is.Negative);
        Assert.That(string.CompareOrdinal("bjoro", upper), Is.Zero);
    }
}
