namespace Minerva.Tiling.Tiff;

/// <summary>The TIFF tags the reader uses.</summary>
internal static class TiffTag
{
    public const int NewSubfileType = 254;
    public const int ImageWidth = 256;
    public const int ImageLength = 257;
    public const int BitsPerSample = 258;
    public const int Compression = 259;
    public const int PhotometricInterpretation = 262;
    public const int ImageDescription = 270;
    public const int StripOffsets = 273;
    public const int SamplesPerPixel = 277;
    public const int RowsPerStrip = 278;
    public const int StripByteCounts = 279;
    public const int XResolution = 282;
    public const int YResolution = 283;
    public const int PlanarConfiguration = 284;
    public const int ResolutionUnit = 296;
    public const int Predictor = 317;
    public const int TileWidth = 322;
    public const int TileLength = 323;
    public const int TileOffsets = 324;
    public const int TileByteCounts = 325;
    public const int SubIfds = 330;
    public const int SampleFormat = 339;
    public const int JpegTables = 347;
    public const int ImageDepth = 32997;
}
