using System.Diagnostics;
using System.Globalization;
using LeadOps.Application.Leads.Queries;
using LeadOps.Domain.Leads;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.Benchmarks;

/// <summary>
/// Scenario 6, Export: the product's CSV export (<see cref="ExportLeads"/>: the untracked, streamed query and the CSV
/// writer) of every lead of a SQLite database, into a stream that counts and drops the bytes, against the floor: the
/// same rows and columns read with one raw query. Time per 10,000 rows and the process's peak working set during the
/// export, at 20,000 and at 200,000 leads: memory must stay flat, since no list is held.
/// </summary>
internal sealed class ExportScenario : IBenchmarkScenario
{
    private static readonly ValueConverter<DateTimeOffset, long> Binary = new DateTimeOffsetToBinaryConverter();

    public string Name => "export";

    public string Title => "Scenario 6: Export";

    private sealed record Measured(int Rows, double ExportSeconds, double FloorSeconds, long PeakBytes, long StartBytes, long CsvBytes);

    public async Task<IReadOnlyList<Figure>> RunAsync(BenchmarkSize size, TextWriter log, CancellationToken ct)
    {
        var (large, small) = size == BenchmarkSize.Small ? (5_000, 1_000) : (200_000, 20_000);
        var smallRun = await MeasureAsync(small, log, ct);
        var largeRun = await MeasureAsync(large, log, ct);

        const string S = "Export";
        static double Per10k(double seconds, int rows) => seconds * 1000 * 10_000 / rows;
        var rate = largeRun.Rows / largeRun.ExportSeconds;
        var floorRate = largeRun.Rows / largeRun.FloorSeconds;
        var mb = 1024.0 * 1024;
        return
        [
            new(S, string.Create(CultureInfo.InvariantCulture, $"Rows/s exported as CSV, {large:N0} leads (floor: the same rows read with a raw query)"), rate, "rows/s", floorRate,
                "≥ 0.5 × floor", rate >= 0.5 * floorRate,
                "GET /api/leads/export's use case (ExportLeads) into a stream that drops the bytes; the floor reads the same columns in the same order with one SqliteCommand and touches every value"),
            new(S, string.Create(CultureInfo.InvariantCulture, $"Time per 10,000 rows, {large:N0} leads"), Per10k(largeRun.ExportSeconds, largeRun.Rows), "ms",
                Per10k(largeRun.FloorSeconds, largeRun.Rows), "(none)", null),
            new(S, string.Create(CultureInfo.InvariantCulture, $"Time per 10,000 rows, {small:N0} leads"), Per10k(smallRun.ExportSeconds, smallRun.Rows), "ms",
                Per10k(smallRun.FloorSeconds, smallRun.Rows), "(none)", null),
            new(S, string.Create(CultureInfo.InvariantCulture, $"Peak working set during the export, {large:N0} leads (floor column: {small:N0} leads)"), largeRun.PeakBytes / mb, "MB",
                smallRun.PeakBytes / mb, "flat: ≤ 1.25 × the smaller export's", largeRun.PeakBytes <= 1.25 * smallRun.PeakBytes,
                "the whole benchmark process (the app, its SQLite connection pool), sampled every 10 ms during the export, after a full collection"),
            new(S, string.Create(CultureInfo.InvariantCulture, $"Working-set growth during the export, {large:N0} leads (floor column: {small:N0} leads)"),
                Math.Max(0, largeRun.PeakBytes - largeRun.StartBytes) / mb, "MB", Math.Max(0, smallRun.PeakBytes - smallRun.StartBytes) / mb, "(none)", null),
            new(S, string.Create(CultureInfo.InvariantCulture, $"CSV size, {large:N0} leads"), largeRun.CsvBytes / mb, "MB", null, "(none)", null),
        ];
    }

    private static async Task<Measured> MeasureAsync(int rows, TextWriter log, CancellationToken ct)
    {
        var path = Path.Combine(BenchApp.Scratch, $"export-{Guid.NewGuid():N}.db");
        try
        {
            await using var app = new BenchApp(path, new Dictionary<string, string?>());
            app.Start();
            Seed(path, rows);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {rows:N0} leads seeded"));

            // Warm-up (JIT, query compilation, the page cache), then the measured runs: floor first, then the export.
            await ExportAsync(app, ct);
            Floor(path);
            var floor = Stopwatch.StartNew();
            var floorRows = Floor(path);
            floor.Stop();

            WorkingSetSampler.Settle();
            using var memory = new WorkingSetSampler(TimeSpan.FromMilliseconds(10));
            var export = Stopwatch.StartNew();
            var (exported, bytes) = await ExportAsync(app, ct);
            export.Stop();
            if (exported != rows || floorRows != rows)
            {
                throw new InvalidOperationException($"Expected {rows} rows; the export wrote {exported}, the floor read {floorRows}.");
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  export {export.Elapsed.TotalSeconds:0.00} s, floor {floor.Elapsed.TotalSeconds:0.00} s, peak {memory.PeakBytes / 1048576.0:0} MB"));
            return new Measured(rows, export.Elapsed.TotalSeconds, floor.Elapsed.TotalSeconds, memory.PeakBytes, memory.StartBytes, bytes);
        }
        finally
        {
            BenchApp.DeleteDatabase(path);
        }
    }

    private static async Task<(int Rows, long Bytes)> ExportAsync(BenchApp app, CancellationToken ct)
    {
        await using var scope = app.OwnerScope();
        await using var sink = new CountingStream();
        var rows = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ExportLeads(new LeadFilter(), sink), ct);
        return (rows, sink.Length);
    }

    /// <summary>The floor: the export's columns, in its order, read with one prepared raw query; every value is touched.</summary>
    private static int Floor(string path)
    {
        using var connection = new SqliteConnection(BenchApp.ConnectionString(path));
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT Id, FacebookLeadId, CreatedTime, FirstSeenAt, Source, WelcomeStatus, IntegrationId, PageId, FormId, FormName, FullName, Email, Phone,
                AdId, AdName, AdsetId, AdsetName, CampaignId, CampaignName, IsOrganic, Platform, PartnerName, AnswersJson, ConsentsJson
            FROM Leads WHERE OwnerId = $owner ORDER BY CreatedTime DESC, Id DESC
            """;
        command.Parameters.AddWithValue("$owner", BenchApp.OwnerId);
        using var reader = command.ExecuteReader();
        var count = 0;
        long touched = 0;
        while (reader.Read())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                touched += reader.IsDBNull(i) ? 0 : reader.GetValue(i) is string s ? s.Length : 1;
            }

            count++;
        }

        return touched > 0 ? count : 0;
    }

    private static void Seed(string path, int rows)
    {
        using var connection = new SqliteConnection(BenchApp.ConnectionString(path));
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = """
            INSERT INTO Leads (OwnerId, FacebookLeadId, IntegrationId, PageId, FormId, FormName, FullName, FirstName, LastName, Email, Phone, AdId, AdName,
                AdsetId, AdsetName, CampaignId, CampaignName, IsOrganic, Platform, CreatedTime, CreatedTimeKnown, FirstSeenAt, Source, AnswersJson, ConsentsJson, WelcomeStatus, StageKey)
            VALUES ($owner, $fb, NULL, '108240000000001', '206170000000011', 'Test ride', $name, 'João', 'Gonçalves', $email, '+351912345678', '2384000001', 'Spring ride',
                '2384000002', 'Lisbon 25-45', '2384000003', 'Test rides 2026', 0, 'fb', $created, 1, $created, 'Webhook', $answers,
                '[{"key":"optional_1","checked":true}]', 'Sent', 'new')
            """;
        var fb = insert.Parameters.Add("$fb", SqliteType.Text);
        var name = insert.Parameters.Add("$name", SqliteType.Text);
        var email = insert.Parameters.Add("$email", SqliteType.Text);
        var created = insert.Parameters.Add("$created", SqliteType.Integer);
        var answers = insert.Parameters.Add("$answers", SqliteType.Text);
        insert.Parameters.AddWithValue("$owner", BenchApp.OwnerId);
        insert.Prepare();
        var start = DateTimeOffset.UtcNow.AddDays(-90);
        for (var i = 0; i < rows; i++)
        {
            fb.Value = (9_000_000_000_000L + i).ToString(CultureInfo.InvariantCulture);
            name.Value = string.Create(CultureInfo.InvariantCulture, $"João Gonçalves {i}");
            email.Value = string.Create(CultureInfo.InvariantCulture, $"joao.{i}@example.test");
            created.Value = Binary.ConvertToProvider(start.AddSeconds(i * 30));
            answers.Value = string.Create(CultureInfo.InvariantCulture,
                $$"""[{"name":"full_name","values":["João Gonçalves {{i}}"]},{"name":"bike_size","values":["m"]},{"name":"when","values":["Saturday morning"]}]""");
            insert.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    /// <summary>Counts what the export writes and drops it, as a fast client would read it.</summary>
    private sealed class CountingStream : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position { get => _length; set => throw new NotSupportedException(); }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            _length += buffer.Length;
            return ValueTask.CompletedTask;
        }
    }
}
