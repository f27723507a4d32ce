export interface TransferOptions {
	onProgress?: (bytesDone: number, bytesTotal: number) => void;
	signal?: AbortSignal;
}
