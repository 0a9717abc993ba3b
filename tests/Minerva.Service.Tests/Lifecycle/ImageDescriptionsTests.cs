using Minerva.Service.Lifecycle;
using Minerva.Tiling.Model;

namespace Minerva.Service.Tests.Lifecycle;

public sealed class ImageDescriptionsTests
{
    [Theory]
    [InlineData(PixelType.UInt8, "uint8")]
    [InlineData(PixelType.Int16, "int16")]
    [InlineData(PixelType.UInt16, "uint16")]
    [InlineData(PixelType.UInt32, "uint32")]
    [InlineData(PixelType.Float32, "float32")]
    [InlineData(PixelType.Float64, "float64")]
    public void Dtype_PixelType_IsNumpyName(PixelType type, string dtype) => Assert.Equal(dtype, ImageDescriptions.Dtype(type));

    [Fact]
    public void Channels_OmeRgbaColours_BecomeRrggbbHex()
    {
        // OME packs RGBA into a signed int: red opaque is 0xFF0000FF, white opaque is -1.
        var series = ImageNamingTests.Series(0, channels: 2, info: [new ChannelInfo("DAPI", unchecked((int)0xFF0000FF)), new ChannelInfo("CD3", -1)]);

        var channels = ImageDescriptions.Channels(series);

        Assert.Equal([new("DAPI", "FF0000"), new("CD3", "FFFFFF")], channels);
    }

    [Fact]
    public void Channels_MissingNamesAndColours_GetIndexLabelAndWhite()
    {
        var series = ImageNamingTests.Series(0, channels: 2, info: [new ChannelInfo(null, null)]);

        Assert.Equal([new("Channel 0", "FFFFFF"), new("Channel 1", "FFFFFF")], ImageDescriptions.Channels(series));
    }

    [Fact]
    public void Shape_Series_IsTczyx()
    {
        var series = ImageNamingTests.Series(0, channels: 3) with { SizeT = 2, SizeZ = 5, SizeY = 300, SizeX = 400 };

        Assert.Equal([2L, 3, 5, 300, 400], ImageDescriptions.Shape(series));
    }
}
