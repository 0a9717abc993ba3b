namespace Minerva.Tiling.Tiff;

/// <summary>Values of the TIFF PhotometricInterpretation tag (262) the reader tells apart.</summary>
internal enum TiffPhotometric
{
    MinIsWhite = 0,
    MinIsBlack = 1,
    Rgb = 2,
    Palette = 3,
    Mask = 4,
    Separated = 5,
    YCbCr = 6,
    CieLab = 8,
}
