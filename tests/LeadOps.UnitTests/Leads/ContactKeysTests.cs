using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

/// <summary>The keys that make two records the same person (ADR 0022): e-mail case, phone formats to E.164.</summary>
public sealed class ContactKeysTests
{
    [TestCase("Ana.Silva@Example.COM", "ana.silva@example.com")]
    [TestCase("  ana.silva@example.com ", "ana.silva@example.com")]
    [TestCase("ANA.SILVA@EXAMPLE.COM", "ana.silva@example.com")]
    public void An_email_is_matched_whatever_its_case_and_spaces(string email, string key) =>
        Assert.That(ContactKeys.Email(email), Is.EqualTo(key));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("not an address")]
    [TestCase("ana.silva@exam…")]
    public void Something_that_is_no_address_has_no_key(string? email) =>
        Assert.That(ContactKeys.Email(email), Is.Null);

    [TestCase("+55 11 98765-4321")]
    [TestCase("+55 (11) 98765 4321")]
    [TestCase("+5511987654321")]
    [TestCase("0055 11 98765 4321")]
    [TestCase("+55.11.98765.4321")]
    public void Every_way_of_writing_one_international_number_gives_its_E164_form(string phone) =>
        Assert.That(ContactKeys.Phone(phone), Is.EqualTo("+5511987654321"));

    [TestCase("+1 (415) 555-0100", "+14155550100")]
    [TestCase("+44 20 7946 0958", "+442079460958")]
    [TestCase("+351 912 345 678", "+351912345678")]
    public void Numbers_of_other_countries_keep_their_country_code(string phone, string key) =>
        Assert.That(ContactKeys.Phone(phone), Is.EqualTo(key));

    [TestCase(null)]
    [TestCase("")]
    [TestCase("98765-4321")]
    [TestCase("(11) 98765-4321")]
    [TestCase("+12")]
    [TestCase("call me")]
    public void A_number_without_its_country_code_or_too_short_has_no_key(string? phone) =>
        Assert.That(ContactKeys.Phone(phone), Is.Null);

    [Test]
    public void A_lead_gets_its_keys_from_its_email_and_phone()
    {
        var lead = new Lead { Email = "Maria@Shop.Test", Phone = "+55 11 98765-4321" };
        lead.SetContactKeys();
        Assert.Multiple(() =>
        {
            Assert.That(lead.EmailKey, Is.EqualTo("maria@shop.test"));
            Assert.That(lead.PhoneKey, Is.EqualTo("+5511987654321"));
        });
    }

    [Test]
    public void Contacts_written_in_a_message_are_found_as_keys()
    {
        var (emails, phones) = ContactKeys.FindIn("Olá! Sou a Maria, MARIA@shop.test, ou liga +55 (11) 98765-4321 amanhã. Pedido 12345.");
        Assert.Multiple(() =>
        {
            Assert.That(emails, Is.EqualTo(new[] { "maria@shop.test" }));
            Assert.That(phones, Is.EqualTo(new[] { "+5511987654321" }));
        });
    }
}
