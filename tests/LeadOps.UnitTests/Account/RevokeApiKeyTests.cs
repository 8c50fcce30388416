using LeadOps.Application.Account;
using LeadOps.Application.Account.Commands;
using LeadOps.Application.Common;
using LeadOps.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Account;

public sealed class RevokeApiKeyTests
{
    [Test]
    public async Task Unknown_key_is_not_found_and_nothing_is_saved()
    {
        var keys = new Mock<IApiKeyRepository>();
        var unitOfWork = new Mock<IUnitOfWork>();
        var handler = new RevokeApiKeyHandler(keys.Object, unitOfWork.Object, new FakeTimeProvider());

        var result = await handler.Handle(new RevokeApiKey(Guid.NewGuid()), CancellationToken.None);

        Assert.That(result.Status, Is.EqualTo(ResultStatus.NotFound));
        unitOfWork.Verify(u => u.SaveChangesAsync(It.IsAny<CancellationToken>()), Times.Never);
    }

    [Test]
    public async Task Revoking_twice_keeps_the_first_revocation_time()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero));
        var key = new ApiKey { Name = "crm" };
        var keys = new Mock<IApiKeyRepository>();
        keys.Setup(k => k.GetAsync(key.Id, It.IsAny<CancellationToken>())).ReturnsAsync(key);
        var handler = new RevokeApiKeyHandler(keys.Object, Mock.Of<IUnitOfWork>(), clock);

        await handler.Handle(new RevokeApiKey(key.Id), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await handler.Handle(new RevokeApiKey(key.Id), CancellationToken.None);

        Assert.That(key.RevokedAt, Is.EqualTo(new DateTimeOffset(2026, 11, 22, 10, 0, 0, TimeSpan.Zero)));
    }
}
