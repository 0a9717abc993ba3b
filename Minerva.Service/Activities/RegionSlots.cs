namespace Minerva.Service.Activities;

/// <summary>
/// How much region work this process does at once, by the memory it holds (<see cref="Minerva.Tiling.Pyramid.RegionBuilder.PeakBytes"/>):
/// regions that add up to at most <see cref="Budget"/> (56 MiB per core: two 4096² uint16 regions on 2 cores, each
/// 32 MiB of planes, their 8 MiB halves and 13.5 MiB of chunks in flight) build together, a larger one alone, in the
/// order they asked. A region keeps its own reads and writes in flight, so this keeps the cores busy
/// while a worker's memory stays bounded whatever the image; other activities (hashing a file, inspecting or
/// finishing one) run beside the regions, outside this limit, so a long hash never takes a region's place.
/// </summary>
public sealed class RegionSlots
{
    public static readonly long Budget = Environment.ProcessorCount * (56L << 20);

    private readonly Queue<(long Bytes, TaskCompletionSource Admitted)> _waiting = new();
    private long _inFlight;

    /// <summary>Waits until a region of <paramref name="bytes"/> pixel bytes may build; disposing the answer ends it.</summary>
    public async Task<IDisposable> EnterAsync(long bytes)
    {
        TaskCompletionSource admitted;
        lock (_waiting)
        {
            if (_waiting.Count == 0 && Fits(bytes))
            {
                _inFlight += bytes;
                return new Slot(this, bytes);
            }

            admitted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiting.Enqueue((bytes, admitted));
        }

        await admitted.Task;
        return new Slot(this, bytes);
    }

    private bool Fits(long bytes) => _inFlight == 0 || _inFlight + bytes <= Budget;

    private void Leave(long bytes)
    {
        lock (_waiting)
        {
            _inFlight -= bytes;
            while (_waiting.Count > 0 && Fits(_waiting.Peek().Bytes))
            {
                var (next, admitted) = _waiting.Dequeue();
                _inFlight += next;
                admitted.SetResult();
            }
        }
    }

    private sealed class Slot(RegionSlots slots, long bytes) : IDisposable
    {
        private int _left;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _left, 1) == 0)
            {
                slots.Leave(bytes);
            }
        }
    }
}
