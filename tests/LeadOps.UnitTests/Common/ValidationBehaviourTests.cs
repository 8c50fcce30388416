using FluentValidation;
using LeadOps.Application.Account.Commands;
using LeadOps.Application.Common.Behaviours;
using ValidationException = LeadOps.Application.Common.ValidationException;

namespace LeadOps.UnitTests.Common;

public sealed class ValidationBehaviourTests
{
    [Test]
    public void Invalid_command_never_reaches_its_handler()
    {
        var behaviour = new ValidationBehaviour<CreateApiKey, CreatedApiKey>([new CreateApiKeyValidator()]);
        var reached = false;

        var ex = Assert.ThrowsAsync<ValidationException>(async () => await behaviour.Handle(new CreateApiKey(" "), (_, _) =>
        {
            reached = true;
            return ValueTask.FromResult(new CreatedApiKey(Guid.Empty, "", ""));
        }, CancellationToken.None));

        Assert.That(reached, Is.False);
        Assert.That(ex!.Errors["Name"], Is.EqualTo(new[] { "Give the key a name." }));
        Assert.That(ex.FirstMessage, Is.EqualTo("Give the key a name."));
    }

    [Test]
    public async Task Valid_command_passes_through()
    {
        var behaviour = new ValidationBehaviour<CreateApiKey, CreatedApiKey>([new CreateApiKeyValidator()]);
        var created = new CreatedApiKey(Guid.NewGuid(), "crm", "lo_x");
        var result = await behaviour.Handle(new CreateApiKey("crm"), (_, _) => ValueTask.FromResult(created), CancellationToken.None);
        Assert.That(result, Is.SameAs(created));
    }

    [Test]
    public void Every_validator_contributes_its_failures()
    {
        var extra = new InlineValidator<CreateApiKey>();
        extra.RuleFor(c => c.Name).Must(n => n != "reserved").WithMessage("That name is reserved.");
        var another = new InlineValidator<CreateApiKey>();
        another.RuleFor(c => c.Name).Must(n => n.Length > 10).WithMessage("Too short.");
        var behaviour = new ValidationBehaviour<CreateApiKey, CreatedApiKey>([new CreateApiKeyValidator(), extra, another]);

        var ex = Assert.ThrowsAsync<ValidationException>(async () =>
            await behaviour.Handle(new CreateApiKey("reserved"), (_, _) => ValueTask.FromResult(new CreatedApiKey(Guid.Empty, "", "")), CancellationToken.None));
        Assert.That(ex!.Errors["Name"], Is.EqualTo(new[] { "That name is reserved.", "Too short." }), "no validator's failures overwrite another's");
    }
}
