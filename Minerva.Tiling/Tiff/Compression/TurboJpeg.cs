using System.Runtime.InteropServices;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// libjpeg-turbo's TurboJPEG API (Debian package libturbojpeg0), loaded when present. Decodes with the accurate
/// integer IDCT and smooth chroma upsampling, libjpeg's defaults, so its output equals libtiff's and libvips'.
/// A handle is not thread-safe: each thread creates its own and keeps it for the thread's life — until a decode
/// fails: a handle that has failed may answer the next stream's header with a 0×0 image, so it is replaced.
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
    private static readonly delegate* unmanaged<nint, int> s_destroy;

    [ThreadStatic]
    private static nint t_handle;

    static TurboJpeg()
    {
        if (NativeCodecs.Load("libturbojpeg.so.0", "tjInitDecompress", "tjDecompressHeader3", "tjDecompress2", "tjGetErrorStr2", "tjDestroy") is { } exports)
        {
            s_init = (delegate* unmanaged<nint>)exports[0];
            s_header = (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)exports[1];
            s_decompress = (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)exports[2];
            s_errorText = (delegate* unmanaged<nint, byte*>)exports[3];
            s_destroy = (delegate* unmanaged<nint, int>)exports[4];
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
            // Kept for the thread, a pool thread that lives as long as the process, until a decode on it fails.
            handle = t_handle = s_init();
            if (handle == 0)
            {
                throw new OutOfMemoryException("TurboJPEG could not create a decompressor.");
            }
        }

        try
        {
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
        catch
        {
            // This thread makes a new handle next time.
            s_destroy(handle);
            t_handle = 0;
            throw;
        }
    }

    private static InvalidDataException Damaged(nint handle) =>
        new(Marshal.PtrToStringUTF8((nint)s_errorText(handle)) ?? "libjpeg-turbo failed");
}
