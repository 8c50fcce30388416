using System.Security.Cryptography;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.Web.Api.Webhook;

/// <summary>
/// The memory every webhook body being read may take at once (<see cref="WebhookOptions.ReceiveBufferBytes"/>). A body
/// must be read whole before its signature can be checked, so without a bound anyone could make the server hold up to
/// <see cref="WebhookEndpoints.MaxBodyBytes"/> for each request they keep open. A request whose buffer would pass the
/// bound is answered 503, which Meta retries; the budget is counted by buffer capacity, not by the bytes a client claims.
/// </summary>
internal sealed class WebhookReceiveBudget(IOptions<WebhookOptions> options)
{
    private readonly long _limit = options.Value.ReceiveBufferBytes;
    private long _inUse;

    /// <summary>Bytes of buffers now held by requests being read.</summary>
    public long InUse => Interlocked.Read(ref _inUse);

    /// <summary>A lease for one request: grows as its buffer grows and gives everything back when disposed.</summary>
    public Lease Open() => new(this);

    private bool TryTake(long bytes)
    {
        if (Interlocked.Add(ref _inUse, bytes) <= _limit)
        {
            return true;
        }

        Interlocked.Add(ref _inUse, -bytes);
        return false;
    }

    internal sealed class Lease(WebhookReceiveBudget budget) : IDisposable
    {
        private long _taken;

        /// <summary>
        /// Reads the body into <paramref name="buffer"/>, hashing it as it comes; its capacity is taken from the budget
        /// before it grows. Null when read whole, else the status refusing it (413 past <paramref name="limit"/>, 503 when the budget is full).
        /// </summary>
        public async Task<int?> ReadAsync(Stream body, MemoryStream buffer, IncrementalHash hmac, int limit, CancellationToken ct)
        {
            var chunk = new byte[16 * 1024];
            int read;
            while ((read = await body.ReadAsync(chunk, ct)) > 0)
            {
                var needed = buffer.Length + read;
                if (needed > limit)
                {
                    return StatusCodes.Status413PayloadTooLarge;
                }

                if (needed > buffer.Capacity)
                {
                    var capacity = (int)Math.Min(limit, Math.Max(needed, Math.Max(2L * buffer.Capacity, chunk.Length * 4L)));
                    if (!TryGrow(capacity - buffer.Capacity))
                    {
                        return StatusCodes.Status503ServiceUnavailable;
                    }

                    buffer.Capacity = capacity;
                }

                buffer.Write(chunk, 0, read);
                hmac.AppendData(chunk, 0, read);
            }

            return null;
        }

        /// <summary>Takes <paramref name="bytes"/> more, or nothing and false when the budget has no room for them.</summary>
        private bool TryGrow(long bytes)
        {
            if (!budget.TryTake(bytes))
            {
                return false;
            }

            _taken += bytes;
            return true;
        }

        public void Dispose()
        {
            Interlocked.Add(ref budget._inUse, -_taken);
            _taken = 0;
        }
    }
}
