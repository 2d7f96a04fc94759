package app.rapport.ticket;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

/**
 * Keeps attachment bytes on disk under {@code <data-dir>/attachments/ab/cd/<sha256>}: the same file
 * uploaded twice is stored once, and a file name from outside never becomes a path.
 */
@Component
class AttachmentStore {

	/** Where and how big a stored file is. */
	record Stored(String sha256, long size) {
	}

	private final Path root;

	private final long maxBytes;

	AttachmentStore(@Value("${rapport.data-dir}") String dataDir,
			@Value("${rapport.attachments.max-size:10MB}") DataSize maxSize) {
		this.root = Path.of(dataDir).toAbsolutePath().resolve("attachments");
		this.maxBytes = maxSize.toBytes();
	}

	long maxBytes() {
		return maxBytes;
	}

	/** Copies the stream to the store, refusing it once it grows beyond the size limit. */
	Stored store(String filename, InputStream in) {
		try {
			Files.createDirectories(root);
			Path temp = Files.createTempFile(root, "upload-", ".part");
			try {
				MessageDigest digest = MessageDigest.getInstance("SHA-256");
				long size = 0;
				try (InputStream input = in; OutputStream out = new DigestOutputStream(Files.newOutputStream(temp), digest)) {
					byte[] buffer = new byte[64 * 1024];
					int n;
					while ((n = input.read(buffer)) >= 0) {
						size += n;
						if (size > maxBytes) {
							throw new AttachmentTooLargeException(filename, maxBytes);
						}
						out.write(buffer, 0, n);
					}
				}
				String sha = HexFormat.of().formatHex(digest.digest());
				Path target = path(sha);
				Files.createDirectories(target.getParent());
				if (!Files.exists(target)) {
					try {
						Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
					}
					catch (FileAlreadyExistsException ex) {
						// Stored meanwhile by a concurrent upload of the same bytes.
					}
				}
				return new Stored(sha, size);
			}
			finally {
				Files.deleteIfExists(temp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	Path path(String sha256) {
		if (!sha256.matches("[0-9a-f]{64}")) {
			throw new IllegalArgumentException("Not a SHA-256: " + sha256);
		}
		return root.resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
	}

}
