using System.Security.Cryptography;
using LeadOps.Infrastructure.Webhooks;

namespace LeadOps.Web.Api.Webhook;

/// <summary>
/// The memory every webhook body being read may take at once (<see cref="WebhookOptions.ReceiveBufferBytes"/>). A body
/// must be read whole before its signature can be checked, so without a bound anyone could make the server hold up to
/// <see cref="WebhookEndpoints.MaxBodyBytes"/> for each request they keep open. The budget is counted by buffer capacity
/// as buffers grow, not by the length a client announces. So that one client cannot hold it all and starve Meta's
/// deliveries, a client address may hold a quarter of it at most (never less than one delivery of the largest size), and
/// a body must be read whole within <see cref="WebhookOptions.ReceiveTimeout"/>. A request that finds no room is answered
/// 503, one too slow 408: Meta sends both again.
/// </summary>
internal sealed class WebhookReceiveBudget(IOptions<WebhookOptions> options)
{
    private const int SmallestBuffer = 4 * 1024;
    private readonly long _limit = options.Value.ReceiveBufferBytes;
    private readonly long _perAddress = Math.Max(WebhookEndpoints.MaxBodyBytes, options.Value.ReceiveBufferBytes / 4);
    private readonly TimeSpan _timeout = options.Value.ReceiveTimeout;
    private readonly Dictionary<string, long> _byAddress = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _inUse;

    /// <summary>Bytes of buffers now held by requests being read.</summary>
    public long InUse
    {
        get
        {
            lock (_gate)
            {
                return _inUse;
            }
        }
    }

    /// <summary>A lease for one request from <paramref name="address"/>: grows as its buffer grows and gives everything back when disposed.</summary>
    public Lease Open(string address) => new(this, address);

    private bool TryTake(string address, long bytes)
    {
        lock (_gate)
        {
            var held = _byAddress.GetValueOrDefault(address);
            if (_inUse + bytes > _limit || held + bytes > _perAddress)
            {
                return false;
            }

            _inUse += bytes;
            _byAddress[address] = held + bytes;
            return true;
        }
    }

    private void Give(string address, long bytes)
    {
        lock (_gate)
        {
            _inUse -= bytes;
            var held = _byAddress.GetValueOrDefault(address) - bytes;
            if (held > 0)
            {
                _byAddress[address] = held;
            }
            else
            {
                _byAddress.Remove(address);
            }
        }
    }

    internal sealed class Lease(WebhookReceiveBudget budget, string address) : IDisposable
    {
        private long _taken;

        /// <summary>
        /// Reads the body into <paramref name="buffer"/>, hashing it as it comes; its capacity is taken from the budget
        /// before it grows. Null when read whole, else the status refusing it: 413 past <paramref name="limit"/>, 503 when
        /// the budget (or this address's share) is full, 408 when the body is not read whole in time.
        /// </summary>
        public async Task<int?> ReadAsync(Stream body, MemoryStream buffer, IncrementalHash hmac, int limit, CancellationToken ct)
        {
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(budget._timeout);
            var chunk = new byte[16 * 1024];
            try
            {
                int read;
                while ((read = await body.ReadAsync(chunk, deadline.Token)) > 0)
                {
                    var needed = buffer.Length + read;
                    if (needed > limit)
                    {
                        return StatusCodes.Status413PayloadTooLarge;
                    }

                    if (needed > buffer.Capacity)
                    {
                        var capacity = (int)Math.Min(limit, Math.Max(needed, Math.Max(2L * buffer.Capacity, SmallestBuffer)));
                        if (!TryGrow(capacity - buffer.Capacity))
                        {
                            return StatusCodes.Status503ServiceUnavailable;
                        }

                        buffer.Capacity = capacity;
                    }

                    buffer.Write(chunk, 0, read);
                    hmac.AppendData(chunk, 0, read);
                }
            }
            catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                return StatusCodes.Status408RequestTimeout;
            }

            return null;
        }

        public void Dispose()
        {
            budget.Give(address, _taken);
            _taken = 0;
        }

        /// <summary>Takes <paramref name="bytes"/> more, or nothing and false when the budget has no room for them.</summary>
        private bool TryGrow(long bytes)
        {
            if (!budget.TryTake(address, bytes))
            {
                return false;
            }

            _taken += bytes;
            return true;
        }
    }
}
