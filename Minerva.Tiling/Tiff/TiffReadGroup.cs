namespace Minerva.Tiling.Tiff;

/// <summary>Blocks fetched with one range read of <see cref="Length"/> bytes from <see cref="Offset"/>.</summary>
internal sealed class TiffReadGroup(long offset)
{
    public long Offset { get; } = offset;

    public int Length { get; set; }

    public List<TiffBlockJob> Jobs { get; } = [];
}

/// <summary>
/// A block to decode (<paramref name="BlockIndex"/> as in the IFD's offsets array, its first pixel at
/// (<paramref name="BlockY0"/>, <paramref name="BlockX0"/>)) and where its samples go: samples
/// [FirstSample, FirstSample + SampleCount) fill destination channels from <paramref name="FirstChannel"/> on.
/// </summary>
internal readonly record struct TiffBlockJob(TiffIfd Ifd, int BlockIndex, long BlockY0, long BlockX0, int FirstSample, int SampleCount, int FirstChannel);
