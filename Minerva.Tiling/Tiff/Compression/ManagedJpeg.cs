using BitMiracle.LibJpeg.Classic;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// The portable JPEG decoder: BitMiracle's LibJpeg.NET (BSD-3-Clause), a managed port of IJG libjpeg with the same
/// integer IDCT, chroma upsampling and colour conversion as libjpeg-turbo, so both paths give the same samples.
/// </summary>
internal static class ManagedJpeg
{
    /// <summary>Decodes a complete JPEG stream into rows <paramref name="pitch"/> bytes apart; returns the bytes the rows span.</summary>
    /// <exception cref="InvalidDataException">The stream is damaged (a warning counts) or its image does not fit the destination.</exception>
    public static int Decode(byte[] stream, int length, Span<byte> destination, int components, int pitch)
    {
        var decompressor = new jpeg_decompress_struct(new ThrowingErrorManager());
        try
        {
            decompressor.jpeg_stdio_src(new MemoryStream(stream, 0, length, writable: false));
            decompressor.jpeg_read_header(true);
            decompressor.Out_color_space = components == 1 ? J_COLOR_SPACE.JCS_GRAYSCALE : J_COLOR_SPACE.JCS_RGB;
            decompressor.jpeg_start_decompress();
            int width = decompressor.Output_width, height = decompressor.Output_height;
            JpegGeometry.Check(width, height, components, pitch, destination.Length);
            var rows = new[] { new byte[width * components] };
            while (decompressor.Output_scanline < height)
            {
                var y = decompressor.Output_scanline;
                if (decompressor.jpeg_read_scanlines(rows, 1) != 1)
                {
                    throw new InvalidDataException($"the JPEG stream ends at row {y} of {height}");
                }

                rows[0].CopyTo(destination[(y * pitch)..]);
            }

            decompressor.jpeg_finish_decompress();
            return ((height - 1) * pitch) + (width * components);
        }
        catch (Exception e) when (e is not InvalidDataException)
        {
            // LibJpeg.NET reports some damage as plain exceptions from deep inside (index out of range and the like).
            throw new InvalidDataException($"the JPEG stream is damaged ({e.Message})", e);
        }
        finally
        {
            decompressor.jpeg_destroy();
        }
    }

    /// <summary>Turns libjpeg's errors and warnings (a cut or corrupt stream) into <see cref="InvalidDataException"/>, and prints nothing.</summary>
    private sealed class ThrowingErrorManager : jpeg_error_mgr
    {
        public override void error_exit() => throw new InvalidDataException(format_message());

        public override void emit_message(int msg_level)
        {
            if (msg_level < 0)
            {
                throw new InvalidDataException(format_message());
            }
        }

        public override void output_message()
        {
        }
    }
}
