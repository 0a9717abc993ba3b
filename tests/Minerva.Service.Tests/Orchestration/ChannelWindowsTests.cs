using Minerva.Service.Orchestration;
using Minerva.Tiling.Pyramid;

namespace Minerva.Service.Tests.Orchestration;

public sealed class ChannelWindowsTests
{
    [Fact]
    public void Add_RegionsOfOverlappingChannels_KeepsEachChannelsMinAndMax()
    {
        var windows = new ChannelWindows();

        windows.Add(new RegionResult([new ChannelRange(1, 10, 20), new ChannelRange(0, 5, 6)]));
        windows.Add(new RegionResult([new ChannelRange(1, 3, 15)]));
        windows.Add(new RegionResult([new ChannelRange(0, 4, 9)]));

        Assert.Equal([new ChannelRange(0, 4, 9), new ChannelRange(1, 3, 20)], windows.ToList());
    }

    [Fact]
    public void ToList_NothingAdded_IsEmpty() => Assert.Empty(new ChannelWindows().ToList());
}
