using LeadOps.Application.Leads.Welcome;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;

namespace LeadOps.UnitTests.Leads;

public sealed class WelcomeRendererTests
{
    [Test]
    public void Placeholders_are_filled_from_the_lead_the_form_and_the_page()
    {
        var message = WelcomeRenderer.Render(
            Lead(firstName: "Ana", fullName: "Ana Silva", formName: "Test ride"),
            Integration("Hi {first_name}", "{full_name} filled in {form_name} for {page_name}."));

        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo("Hi Ana"));
            Assert.That(message.TextBody, Is.EqualTo("Ana Silva filled in Test ride for Lisbon Bikes."));
            Assert.That(message.To, Is.EqualTo(new WelcomeRecipient("Ana Silva", "ana@example.test", null)));
        });
    }

    [Test]
    public void Missing_values_fall_back_to_words_that_read_well()
    {
        var message = WelcomeRenderer.Render(
            Lead(firstName: null, fullName: null, formName: null),
            Integration("Thanks, {first_name}!", "[{full_name}] {form_name}"));

        Assert.That(message.Subject, Is.EqualTo("Thanks, there!"));
        Assert.That(message.TextBody, Is.EqualTo("[] our form"));
    }

    /// <summary>
    /// Meta's Lead Ads Testing Tool fills each answer with a placeholder such as "&lt;test lead: dummy data for FULL_NAME&gt;"
    /// (kept as sample leads by integrators in public webhook projects, upper- or lower-case keys, with or without the
    /// angle brackets): it is not a name to greet or address anyone by.
    /// </summary>
    [TestCase(null, "<test lead: dummy data for FULL_NAME>")]
    [TestCase("<test lead: dummy data for first_name>", "<test lead: dummy data for full_name>")]
    [TestCase(null, "test lead: dummy data for full_name")]
    public void A_testing_tool_placeholder_is_not_a_name_to_greet_by(string? firstName, string fullName)
    {
        var message = WelcomeRenderer.Render(Lead(firstName: firstName, fullName: fullName), Integration("Hello {first_name}", "[{full_name}]"));

        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo("Hello there"));
            Assert.That(message.TextBody, Is.EqualTo("[]"));
            Assert.That(message.To, Is.EqualTo(new WelcomeRecipient(null, "ana@example.test", null)));
        });
    }

    [Test]
    public void The_first_name_comes_from_the_full_name_when_the_form_asked_only_for_that()
    {
        var message = WelcomeRenderer.Render(Lead(firstName: null, fullName: "Rui Costa"), Integration("Hello {first_name}", "x"));

        Assert.That(message.Subject, Is.EqualTo("Hello Rui"));
    }

    [Test]
    public void Lead_values_are_html_encoded_in_the_html_part_and_left_as_typed_in_the_text_part()
    {
        var message = WelcomeRenderer.Render(
            Lead(fullName: "<script>alert(1)</script> & \"Co\""),
            Integration("s", "Dear {full_name},\nwelcome & thanks"));

        Assert.Multiple(() =>
        {
            Assert.That(message.HtmlBody, Does.Contain("Dear &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Co&quot;,<br>\nwelcome &amp; thanks"));
            Assert.That(message.HtmlBody, Does.Not.Contain("<script>"));
            Assert.That(message.TextBody, Is.EqualTo("Dear <script>alert(1)</script> & \"Co\",\nwelcome & thanks"));
        });
    }

    [Test]
    public void Placeholder_lookalikes_typed_by_the_lead_are_not_filled_again()
    {
        var message = WelcomeRenderer.Render(Lead(firstName: "{page_name}"), Integration("Hi {first_name}", "Hi {first_name}"));

        Assert.That(message.Subject, Is.EqualTo("Hi {page_name}"));
        Assert.That(message.TextBody, Is.EqualTo("Hi {page_name}"));
    }

    [TestCase("Eve\r\nBcc: x@evil.test", "Eve Bcc: x@evil.test")]
    [TestCase("Eve\nBcc: x@evil.test", "Eve Bcc: x@evil.test")]
    [TestCase("Eve\rBcc: x@evil.test", "Eve Bcc: x@evil.test")]
    [TestCase("Eve\u0085Bcc\u2028x\u2029y", "Eve Bcc x y")]
    [TestCase("Eve\0\t\u001b[31m", "Eve [31m")]
    [TestCase("  Eve  \r\n\r\n  Adams  ", "Eve Adams")]
    public void Control_characters_in_lead_values_never_reach_the_subject_or_the_recipient_name(string name, string expected)
    {
        var message = WelcomeRenderer.Render(Lead(firstName: name, fullName: name), Integration("Hi {first_name}", "{full_name}"));

        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo("Hi " + expected));
            Assert.That(message.To.Name, Is.EqualTo(expected));
            Assert.That(message.TextBody, Is.EqualTo(expected));
            Assert.That(message.Subject.Any(char.IsControl), Is.False);
        });
    }

    [Test]
    public void The_subject_is_one_line_even_when_the_template_is_not()
    {
        var message = WelcomeRenderer.Render(Lead(), Integration("Hello\r\nBcc: x@evil.test", "b"));

        Assert.That(message.Subject, Is.EqualTo("Hello Bcc: x@evil.test"));
    }

    [Test]
    public void A_very_long_value_is_cut_without_splitting_a_character()
    {
        var name = new string('a', 299) + "\U0001F600" + "tail";
        var message = WelcomeRenderer.Render(Lead(firstName: name), Integration("{first_name}", "{first_name}"));

        Assert.That(message.TextBody, Is.EqualTo(new string('a', 299)), "values stop at 300 characters");
        Assert.That(message.Subject, Is.EqualTo(new string('a', 250)), "the subject at 250");
    }

    [Test]
    public void The_body_keeps_the_templates_lines_with_one_kind_of_newline()
    {
        var message = WelcomeRenderer.Render(Lead(), Integration("s", "one\r\ntwo\rthree\nfour"));

        Assert.That(message.TextBody, Is.EqualTo("one\ntwo\nthree\nfour"));
        Assert.That(message.HtmlBody, Does.Contain("one<br>\ntwo<br>\nthree<br>\nfour"));
    }

    [Test]
    public void The_message_id_is_the_same_for_every_attempt_and_differs_between_leads_and_owners()
    {
        var lead = Lead();
        var again = WelcomeRenderer.Render(lead, Integration("a", "b")).MessageId;
        var otherOwner = Lead();
        otherOwner.OwnerId = "owner-2";
        var otherLead = Lead();
        otherLead.FacebookLeadId = "999";

        Assert.Multiple(() =>
        {
            Assert.That(WelcomeRenderer.MessageIdFor(lead), Does.Match("^welcome-42-[0-9a-f]{16}@leadops\\.local$"));
            Assert.That(again, Is.EqualTo(WelcomeRenderer.MessageIdFor(lead)));
            Assert.That(WelcomeRenderer.MessageIdFor(otherOwner), Is.Not.EqualTo(again));
            Assert.That(WelcomeRenderer.MessageIdFor(otherLead), Is.Not.EqualTo(again));
            Assert.That(again, Does.Not.Contain("ana"), "nothing about the person");
        });
    }

    private static Lead Lead(string? firstName = "Ana", string? fullName = "Ana Silva", string? formName = "Test ride") => new()
    {
        Id = 42,
        OwnerId = "owner-1",
        FacebookLeadId = "1234567890",
        FirstName = firstName,
        FullName = fullName,
        FormName = formName,
        Email = "ana@example.test",
    };

    private static Integration Integration(string subject, string body) => new()
    {
        Name = "Main page",
        PageName = "Lisbon Bikes",
        WelcomeSubject = subject,
        WelcomeBody = body,
    };
}
