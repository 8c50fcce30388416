using System.Security.Cryptography;
using Microsoft.Data.Sqlite;

namespace LeadOps.SecurityTests.Support;

/// <summary>Every table of a SQLite database: its row count and a checksum of all its rows (order-independent).</summary>
public sealed record DatabaseSnapshot(IReadOnlyDictionary<string, (long Rows, string Checksum)> Tables)
{
    public static async Task<DatabaseSnapshot> TakeAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = connection.CreateCommand())
        {
            list.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
            await using var reader = await list.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var result = new SortedDictionary<string, (long, string)>(StringComparer.Ordinal);
        foreach (var table in tables)
        {
            await using var select = connection.CreateCommand();
            select.CommandText = $"SELECT * FROM \"{table.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
            await using var reader = await select.ExecuteReaderAsync();
            var rows = new List<string>();
            while (await reader.ReadAsync())
            {
                var values = new string[reader.FieldCount];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = reader.IsDBNull(i) ? "∅" : reader.GetValue(i) is byte[] bytes ? Convert.ToBase64String(bytes) : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)!;
                }

                rows.Add(string.Join('\u001f', values));
            }

            rows.Sort(StringComparer.Ordinal);
            result[table] = (rows.Count, Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\u001e', rows)))));
        }

        return new DatabaseSnapshot(result);
    }

    /// <summary>The tables whose rows differ, with their counts before and after.</summary>
    public IEnumerable<string> DifferencesFrom(DatabaseSnapshot before) =>
        Tables.Keys.Union(before.Tables.Keys)
            .Where(t => !Tables.TryGetValue(t, out var now) || !before.Tables.TryGetValue(t, out var then) || now != then)
            .Select(t => $"{t}: {(before.Tables.TryGetValue(t, out var b) ? b.Rows : 0)} rows before, {(Tables.TryGetValue(t, out var a) ? a.Rows : 0)} after");
}
