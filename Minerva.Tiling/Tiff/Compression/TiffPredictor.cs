namespace Minerva.Tiling.Tiff.Compression;

/// <summary>Values of the TIFF Predictor tag (317).</summary>
internal enum TiffPredictor
{
    None = 1,

    /// <summary>Horizontal differencing: undone by <see cref="HorizontalPredictor"/>.</summary>
    Horizontal = 2,

    /// <summary>Adobe's floating-point predictor: undone by <see cref="FloatingPointPredictor"/>.</summary>
    FloatingPoint = 3,
}
