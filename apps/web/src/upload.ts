// Staging a file with the API (POST /api/v1/documents): the id that a filing, a supplement, a signature or a result
// then attaches to the dossier.
import { api } from "./api/client.ts"

export async function uploadDocument(file: File): Promise<string> {
  const { data, error } = await api.POST("/api/v1/documents", {
    body: file as unknown as never,
    bodySerializer: (body: unknown) => body as BodyInit,
    headers: { "content-type": file.type },
  })
  if (error !== undefined) throw error
  return data.id
}
