namespace LeadOps.Infrastructure.Security;

/// <summary>Says at start where the key-encryption key comes from, and warns when it sits beside the database.</summary>
internal sealed partial class KeyEncryptionKeyReport(KeyEncryptionKey kek, ILogger<KeyEncryptionKeyReport> logger) : IStartupTask
{
    public Task RunAsync(CancellationToken cancellationToken)
    {
        if (kek.Location is null)
        {
            LogFromConfiguration(logger);
        }
        else if (kek.BesideDatabase)
        {
            LogBesideDatabase(logger, kek.Location, KeyEncryptionKey.BesideDatabaseWarning);
        }
        else
        {
            LogFromFile(logger, kek.Location);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key-encryption key is read from configuration (DataProtection:KeyEncryptionKey)")]
    private static partial void LogFromConfiguration(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "The Data Protection key-encryption key is read from the key file {KeyFile}")]
    private static partial void LogFromFile(ILogger logger, string keyFile);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The Data Protection key-encryption key file {KeyFile} is beside the database. {Advice}")]
    private static partial void LogBesideDatabase(ILogger logger, string keyFile, string advice);
}
