package app.rapport.customer;

/** Told how a running import advances; called from the importing thread, inside its transaction. */
interface ImportProgress {

	/** Reports nothing. */
	ImportProgress NONE = new ImportProgress() {

		@Override
		public void checking(int rows) {
		}

		@Override
		public void writing(int written, int total) {
		}

	};

	/** The file was read: {@code rows} data rows are being checked. */
	void checking(int rows);

	/** {@code written} of the {@code total} valid rows are written (not yet committed). */
	void writing(int written, int total);

}
