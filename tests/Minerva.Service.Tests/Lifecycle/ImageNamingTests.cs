using Minerva.Service.Lifecycle;
using Minerva.Tiling.Model;

namespace Minerva.Service.Tests.Lifecycle;

public sealed class ImageNamingTests
{
    [Fact]
    public void Unique_NameFree_ReturnsNameUnchanged() =>
        Assert.Equal("a.tif", ImageNaming.Unique("a.tif", new HashSet<string> { "b.tif" }));

    [Theory]
    [InlineData(new[] { "a.tif" }, "a.tif (2)")]
    [InlineData(new[] { "a.tif", "a.tif (2)" }, "a.tif (3)")]
    [InlineData(new[] { "a.tif", "a.tif (3)" }, "a.tif (2)")]
    public void Unique_NameTaken_AppendsFirstFreeSuffix(string[] taken, string expected) =>
        Assert.Equal(expected, ImageNaming.Unique("a.tif", taken.ToHashSet()));

    [Fact]
    public void Names_OneSeries_IsTheFileName() =>
        Assert.Equal(["slide.ome.tiff"], ImageNaming.Names("slide.ome.tiff", [Series(0)]));

    [Fact]
    public void Names_SeveralSeries_AddTheirIndex() =>
        Assert.Equal(["slide.ome.tiff #0", "slide.ome.tiff #2"], ImageNaming.Names("slide.ome.tiff", [Series(0), Series(2)]));

    [Fact]
    public void Names_SlideWithLabelAndMacro_SayWhichIsWhich() =>
        Assert.Equal(
            ["CMU-1.svs #0", "CMU-1.svs #1 (thumbnail)", "CMU-1.svs #2 (label)"],
            ImageNaming.Names("CMU-1.svs", [Series(0) with { Name = "CMU-1" }, Series(1) with { Name = "thumbnail" }, Series(2) with { Name = "label" }]));

    internal static SeriesInfo Series(int index, int channels = 1, IReadOnlyList<ChannelInfo>? info = null) =>
        new(index, $"Image:{index}", 1, channels, 1, 64, 64, PixelType.UInt16, PhysicalSizes.Unknown, info ?? [], []);
}
