using System.Runtime.InteropServices;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// libjpeg-turbo's TurboJPEG API (Debian package libturbojpeg0), loaded when present. Decodes with the accurate
/// integer IDCT and smooth chroma upsampling, libjpeg's defaults, so its output equals libtiff's and libvips'.
/// A handle is not thread-safe: each thread creates its own once and keeps it for the thread's life.
/// </summary>
internal static unsafe class TurboJpeg
{
    private const int PixelFormatRgb = 0;
    private const int PixelFormatGray = 6;

    /// <summary>TJFLAG_STOPONWARNING: a warning (a cut or corrupt stream) stops the decode and fails it.</summary>
    private const int StopOnWarning = 8192;

    private static readonly delegate* unmanaged<nint> s_init;
    private static readonly delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int> s_header;
    private static readonly delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int> s_decompress;
    private static readonly delegate* unmanaged<nint, byte*> s_errorText;

    [ThreadStatic]
    private static nint t_handle;

    static TurboJpeg()
    {
        if (NativeCodecs.Load("libturbojpeg.so.0", "tjInitDecompress", "tjDecompressHeader3", "tjDecompress2", "tjGetErrorStr2") is { } exports)
        {
            s_init = (delegate* unmanaged<nint>)exports[0];
            s_header = (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)exports[1];
            s_decompress = (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)exports[2];
            s_errorText = (delegate* unmanaged<nint, byte*>)exports[3];
        }
    }

    public static bool IsAvailable => s_decompress != null;

    /// <summary>
    /// Decodes a complete JPEG stream into rows <paramref name="pitch"/> bytes apart, as RGB or grey samples
    /// (<paramref name="components"/> 3 or 1); returns the bytes the rows span.
    /// </summary>
    /// <exception cref="InvalidDataException">The stream is damaged or its image does not fit the destination.</exception>
    public static int Decode(ReadOnlySpan<byte> stream, Span<byte> destination, int components, int pitch)
    {
        var handle = t_handle;
        if (handle == 0)
        {
            // Freed only with the process: threads are pool threads that live as long.
            handle = t_handle = s_init();
            if (handle == 0)
            {
                throw new OutOfMemoryException("TurboJPEG could not create a decompressor.");
            }
        }

        fixed (byte* input = stream)
        fixed (byte* output = destination)
        {
            int width, height, subsampling, colourSpace;
            if (s_header(handle, input, (nuint)stream.Length, &width, &height, &subsampling, &colourSpace) != 0)
            {
                throw Damaged(handle);
            }

            JpegGeometry.Check(width, height, components, pitch, destination.Length);
            var format = components == 1 ? PixelFormatGray : PixelFormatRgb;
            if (s_decompress(handle, input, (nuint)stream.Length, output, width, pitch, height, format, StopOnWarning) != 0)
            {
                throw Damaged(handle);
            }

            return ((height - 1) * pitch) + (width * components);
        }
    }

    private static InvalidDataException Damaged(nint handle) =>
        new(Marshal.PtrToStringUTF8((nint)s_errorText(handle)) ?? "libjpeg-turbo failed");
}
