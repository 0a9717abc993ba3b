using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Orchestration;

/// <summary>Aggregates the per-channel ranges of a series' level-0 regions into one range per channel.</summary>
internal sealed class ChannelWindows
{
    private readonly SortedDictionary<int, ChannelRange> ranges = [];

    public void Add(RegionResult result)
    {
        foreach (var range in result.Channels)
        {
            ranges[range.C] = ranges.TryGetValue(range.C, out var seen)
                ? new ChannelRange(range.C, Math.Min(seen.Min, range.Min), Math.Max(seen.Max, range.Max))
                : range;
        }
    }

    public IReadOnlyList<ChannelRange> ToList() => [.. ranges.Values];
}
