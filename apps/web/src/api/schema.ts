// Generated from the API's OpenAPI document by apps/web/scripts/generate-api-types.ts: do not edit by hand.
// Regenerate with `pnpm --filter @motcua/web generate:api` after changing an API operation.
export interface paths {
    "/api/v1/procedures": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tra cứu thủ tục hành chính đang có hiệu lực
         * @description Search the procedures in force on a day, by words, field, level and competent authority.
         */
        get: operations["searchProcedures"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Thủ tục hành chính theo phiên bản có hiệu lực vào một ngày
         * @description The version of a procedure in force on a day (today by default).
         */
        get: operations["getProcedure"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/procedures/{code}/versions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các phiên bản đã công bố của một thủ tục
         * @description Every published version of a procedure, oldest first.
         */
        get: operations["listProcedureVersions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các đơn vị hành chính cấp xã của tỉnh
         * @description The commune-level units (wards, communes, special zones) of the province.
         */
        get: operations["listUnits"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/units/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Một đơn vị hành chính, cơ quan và điểm tiếp nhận của nó
         * @description One unit with the agencies that govern it and the intake points that stand in it.
         */
        get: operations["getUnit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake-points": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các điểm tiếp nhận hồ sơ (trung tâm phục vụ hành chính công, bưu điện)
         * @description Intake points: the provincial centre, commune centres and post-office agents; filter by kind or unit.
         */
        get: operations["listIntakePoints"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/agencies": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các cơ quan có thẩm quyền giải quyết thủ tục
         * @description The agencies that decide procedures; filter by level or kind.
         */
        get: operations["listAgencies"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/fee-quotes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tính phí, lệ phí cho một hồ sơ
         * @description The itemised fees and charges for one application of a procedure, with each line's rule and legal basis.
         */
        post: operations["quoteFees"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/assistant/ask": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hỏi trợ lý ảo: thủ tục nào, cần giấy tờ gì, phí bao nhiêu, nộp ở đâu
         * @description Public, limited per client address (429 with Retry-After beyond the limit). Answers only from the catalogue: every answer cites procedure codes; a question the data cannot answer gets kind not-found with the closest procedures. Send back the conversationId to answer a follow-up (an option's id, or the commune/ward).
         */
        post: operations["askAssistant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tài khoản đang gọi API
         * @description Who the caller is: the principal of the session, API key or identity token.
         */
        get: operations["currentPrincipal"];
        put?: never;
        /**
         * Cán bộ đăng nhập bằng tài khoản nội bộ
         * @description An officer signs in with a local account. Sets the HttpOnly session cookie (SameSite=Lax) and returns the CSRF token to send as `x-csrf-token` on every unsafe request authenticated by that cookie. After 5 failed sign-ins of a username (or 20 from one address), further attempts are refused for 15 minutes: 429 with Retry-After.
         */
        post: operations["signIn"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/session/sign-out": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Đăng xuất
         * @description Ends the session of the cookie and clears the cookies.
         */
        post: operations["signOut"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các cách công dân đăng nhập được (công khai)
         * @description How citizens may sign in on this server: with the national e-ID (MOTCUA_EID_*), and whether development tokens are accepted (MOTCUA_DEMO_CITIZENS=1). The sign-in page offers only these.
         */
        get: operations["signInOptions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/eid/start": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Công dân đăng nhập bằng tài khoản định danh điện tử (VNeID)
         * @description Redirects (302) the browser to the national e-ID's OpenID provider: authorization code flow with PKCE (S256), a fresh state and nonce kept in a 10-minute HttpOnly cookie. `returnTo` is the page of this site to come back to. 503 when e-ID sign-in is not configured (MOTCUA_EID_ISSUER).
         */
        get: operations["startEidSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/auth/eid/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * VNeID trả người dùng về sau khi đăng nhập
         * @description The provider's redirect back. The state must match the cookie set by /start; the code is exchanged with the PKCE verifier and the ID token validated (issuer, audience, expiry, nonce, signature). A citizen of the required identification level (MOTCUA_EID_MIN_LEVEL, 2 by default) gets a session like an officer's (HttpOnly session cookie and the CSRF cookie) and is redirected (302) to `returnTo`. A tampered state, a replayed code, a token for another audience or an expired one: 401 with the reason — except to a browser (`Accept: text/html`) when the server serves the web pages: it is sent (303) to the page `/dang-nhap/that-bai?ly-do=<why>` (why: `expired`, `cancelled`, `level`, `unavailable` or `refused`), which says what went wrong and leads back to sign in.
         */
        get: operations["completeEidSignIn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/counter-agent/pairings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lấy mã ghép nối phần mềm thiết bị tại quầy
         * @description A one-time code (5 minutes, once) to pair the counter agent on the officer's PC with this officer's account: counter officers and post office agents only.
         */
        post: operations["issueAgentPairing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/counter-agent/pairings/redeem": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Phần mềm thiết bị tại quầy dùng mã ghép nối
         * @description The counter agent redeems the code once: a session of its own for the officer's account (session token and CSRF token, to send as the motcua_session cookie and x-csrf-token). An unknown, used or expired code is 401.
         */
        post: operations["redeemAgentPairing"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/id-cards/read": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Đọc thông tin thẻ CCCD từ mã QR hoặc vùng MRZ
         * @description What a card reader sent (the QR text typed by a keyboard-wedge reader, a serial reader's line, or the three MRZ lines), parsed and checked: the id against the date of birth and sex, every MRZ check digit. Device output is untrusted: anything else is 422 naming the part at fault. Staff only (the intake form is filled from the answer; the officer confirms before anything typed is replaced).
         */
        post: operations["readIdCard"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallets/{ownerId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kho dữ liệu điện tử của công dân: danh sách giấy tờ, kết quả
         * @description The citizen's own e-wallet, newest first: papers digitised and results of their dossiers, with type, validity and the dossier they came from. Only the owner: anyone else (another citizen, an officer) is 403.
         */
        get: operations["listWallet"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/wallets/{ownerId}/entries/{entryId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải một giấy tờ trong kho dữ liệu
         * @description An entry's bytes with its media type, for the owner only (403 for anyone else).
         */
        get: operations["walletDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/wallet": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lưu một giấy tờ vào kho dữ liệu của mình
         * @description The signed-in citizen keeps a paper (PDF, JPEG or PNG as the body) in their e-wallet, to take it into later filings instead of uploading it again. Query: what it is (`documentType`, the catalogue's document id or the national code), `name`, and validity dates. A quota per citizen (MOTCUA_WALLET_MAX_ENTRIES, MOTCUA_WALLET_MAX_BYTES; by default 200 entries, 100 MiB): beyond it, 413 whose `reason.quota` states the limits and what the citizen uses now.
         */
        post: operations["saveToWallet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/wallet/{entryId}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xóa một giấy tờ khỏi kho dữ liệu của mình
         * @description The owner deletes an entry (another's entry is 403, an unknown one 404).
         */
        post: operations["deleteFromWallet"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/population/lookup": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tra cứu, xác thực người nộp với Cơ sở dữ liệu quốc gia về dân cư (có sự đồng ý của công dân)
         * @description Looks a citizen up in the national population database by their personal identification number, with the consent they gave (`signed-at-counter`, `e-id`, `declared-online`) and for a procedure (the purpose the registry logs): found or not, and whether the name and date of birth given match. The record prefills the intake form (fill empty fields; ask before replacing what the officer typed). Counter officers and post office agents; a citizen for themselves only. Every lookup is audited (`read.population` in /api/v1/audit/reads). 503 when the registry is not configured or does not answer.
         */
        post: operations["lookUpApplicant"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ của tôi (công dân): hồ sơ đứng tên và hồ sơ đã nộp thay, mới nhất trước
         * @description The signed-in citizen's dossiers: those they are the applicant of and those they filed for someone, newest first. Officers use /api/v1/work-queue (403 here).
         */
        get: operations["myDossiers"];
        put?: never;
        /**
         * Nộp hồ sơ (trực tuyến, hoặc cán bộ tiếp nhận tại quầy) — Idempotency-Key bắt buộc
         * @description Files a dossier: online by the citizen (no intakePointId), or at an intake point's counter by its officer (intakePointId). The competent authority is resolved and the code allocated from its daily sequence. Fee amounts are quoted from the catalogue for the filing's channel, variant and fee facts (applicantCategories, quantities, declaredValue, area; a missing one is 422 with its field); a body with its own amounts (fees) is refused with 422. Each exemption category claimed needs its proof in exemptionProofs (an attached document, or confirmed by the intake officer), else 422 exemption-unproven. Idempotent by the Idempotency-Key header: a retry gets the first answer.
         */
        post: operations["fileDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Xem hồ sơ (người xử lý, người nộp)
         * @description A dossier as its handlers and its applicant see it.
         */
        get: operations["getDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/documents/{documentId}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải tài liệu của hồ sơ: kết quả, giấy tiếp nhận, giấy tờ đã nộp (người xử lý, người nộp)
         * @description A document attached to the dossier (the result, forms, the papers filed), as its bytes with its media type, for whoever may read the dossier. A document of another dossier is 404.
         */
        get: operations["dossierDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/papers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Giấy tờ đã số hóa của hồ sơ, kèm các phiên bản (người xử lý, người nộp)
         * @description The dossier's digitised papers: for each required document digitised, its current version and every version, oldest first (a replacement never overwrites: each version's bytes stay readable with GET /api/v1/dossiers/{code}/documents/{fileId}). For whoever may read the dossier; the read is audited.
         */
        get: operations["dossierPapers"];
        put?: never;
        /**
         * Số hóa một giấy tờ của hồ sơ (quét tại quầy, tải lên), hoặc thay bằng phiên bản mới
         * @description Records a paper of the dossier as the required document it is: the bytes uploaded first with POST /api/v1/documents (a counter agent's scan, an upload), attached here. Pages are counted from the bytes (a number given otherwise is 422 pages-mismatch); a sha256 given must be the stored document's (422 hash-mismatch). A paper digitised again is the next version; the old one stays. The dossier's documents[].digitised flag, the national portal's record and the digitisation indicators follow. Who may: the dossier's applicant and the officers taking papers in for it (action dossier.digitise). An unknown required document is 422 unknown-document; a file neither PDF nor JPEG/PNG is refused at upload (415).
         */
        post: operations["digitisePaper"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/documents/{documentId}/preview": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Xem trước tài liệu của hồ sơ: một trang dạng ảnh (người xử lý, người nộp)
         * @description One page of a dossier's document as an image, for the pages' preview (their content-security policy embeds no PDF): a PDF's page `page` (from 1, default 1) drawn as PNG, an image as itself (its only page). The header `x-page-count` says how many pages the document has. Read and audited like the download; a page the document does not have, or a PDF that cannot be read, is 422; a document of another dossier is 404.
         */
        get: operations["dossierDocumentPreview"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/accept": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tiếp nhận hồ sơ (đủ, hợp lệ): bắt đầu tính thời hạn
         * @description The counter officer accepts the dossier as complete and valid (status 2). A documents[i].digitised or fromEWallet flag that no digitised paper of the dossier backs is 422 PaperRefused declared-without-record at body.documents[i].digitised (record the scan first: POST /api/v1/dossiers/{code}/papers). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → accepted. Người được gửi (who may send it): counter-officer (intake).
         */
        post: operations["acceptDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/refuse": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Từ chối tiếp nhận hồ sơ, nêu lý do
         * @description The counter officer refuses the dossier at intake with reasons (status 3). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → refused. Người được gửi (who may send it): counter-officer (intake).
         */
        post: operations["refuseDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/request-supplementation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Yêu cầu bổ sung hồ sơ
         * @description The holder of the current step asks for missing documents (status 5); the clock pauses. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → awaitingIntakeSupplement; accepted → awaitingSupplement; working → awaitingSupplement. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role); trước khi tiếp nhận (before intake): counter-officer (intake).
         */
        post: operations["requestSupplementation"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/receive-supplement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nhận hồ sơ bổ sung
         * @description The supplement arrives (online from the applicant, or at the counter): back to processing. Digitised / fromEWallet flags on its documents are ignored: a paper is digitised by recording it (…/papers). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): awaitingSupplement → working; awaitingIntakeSupplement → filed. Người được gửi (who may send it): citizen (applicant), counter-officer (intake), post-office-agent (intake-point).
         */
        post: operations["receiveSupplement"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/request-payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Yêu cầu thực hiện nghĩa vụ tài chính
         * @description The holder of the current step asks for a financial obligation (status 6). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → awaitingPayment; working → awaitingPayment. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
         */
        post: operations["requestPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/confirm-payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xác nhận đã nộp phí, lệ phí (Idempotency-Key bắt buộc)
         * @description A payment recorded at the counter (cash) by an officer; idempotent by the Idempotency-Key. An integration client (API key) gets 403 here: systems confirm payments only with the gateway's signed callback (POST /api/v1/payments/callback). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → filed; accepted → accepted; working → working; awaitingSupplement → awaitingSupplement; awaitingIntakeSupplement → awaitingIntakeSupplement; awaitingPayment → working / awaitingPayment. Người được gửi (who may send it): system, counter-officer (intake).
         */
        post: operations["confirmPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/complete-step": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chuyển bước xử lý tiếp theo
         * @description The holder of the current step hands the dossier to the next step. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → working; working → working; processed → processed. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
         */
        post: operations["completeStep"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/transfer": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Chuyển hồ sơ liên thông sang cơ quan khác
         * @description The holder of the current step transfers the dossier to another authority (inter-agency step). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → working; working → working. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
         */
        post: operations["transferDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/approve": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Phê duyệt kết quả
         * @description The leader holding the dossier approves it. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → working; working → working. Người được gửi (who may send it): người giữ bước hiện tại, vai trò unit-leader hoặc authority-leader (the current step's holder: unit-leader or authority-leader).
         */
        post: operations["approveDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/reject": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Không phê duyệt, nêu lý do
         * @description The leader holding the dossier rejects it with reasons. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → working; working → working. Người được gửi (who may send it): người giữ bước hiện tại, vai trò unit-leader hoặc authority-leader (the current step's holder: unit-leader or authority-leader).
         */
        post: operations["rejectDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/sign": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ký số văn bản kết quả
         * @description The leader signs the result: the PDF uploaded first with POST /api/v1/documents (a verification page with its QR code is added to it), or, without documentId, the result document rendered from the dossier. The signed PDF is stored and registered for verification (GET /api/v1/dossiers/{code}/results). A file that is not a PDF, is encrypted or contains JavaScript, and a certificate expired or not yet valid, are 422 SigningRefused with the reason. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → working; working → working. Người được gửi (who may send it): người giữ bước hiện tại, vai trò authority-leader hoặc unit-leader (the current step's holder: authority-leader or unit-leader).
         */
        post: operations["signResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/replace-result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Thay thế kết quả đã ký bằng kết quả đính chính
         * @description A leader of the dossier's authority issues a corrected result in place of the signed one (valid, or revoked already): signed like the first (documentId as for sign, or rendered from the dossier), it becomes the dossier's result and names the one it replaces; the old result's verification says 'đã được thay thế bởi … / replaced by …' with a link to the new one. A result already returned to the citizen's e-wallet is marked replaced there and the corrected one added. Refusals as for sign; 422 SignatureRequired when nothing was signed yet. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → accepted; working → working; processed → processed; returned → returned. Người được gửi (who may send it): unit-leader (agency), authority-leader (agency).
         */
        post: operations["replaceResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/mark-result-ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Có kết quả, chờ trả
         * @description The holder of the last step declares the result ready (status 9), attaching the result documents. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → processed; working → processed. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
         */
        post: operations["markResultReady"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/return-result": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Trả kết quả
         * @description The result is handed over (status 10): at the counter, by post or to the e-wallet. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): processed → returned. Người được gửi (who may send it): counter: counter-officer (intake); post: post-office-agent; e-wallet: system, counter-officer (intake).
         */
        post: operations["returnResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/withdraw": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Rút hồ sơ
         * @description The applicant withdraws the dossier (status 7). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → withdrawn; accepted → withdrawn; working → withdrawn; awaitingSupplement → withdrawn; awaitingIntakeSupplement → withdrawn; awaitingPayment → withdrawn. Người được gửi (who may send it): citizen (applicant), counter-officer (intake).
         */
        post: operations["withdrawDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/stop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Dừng xử lý hồ sơ
         * @description The holder of the current step stops processing with a notice (status 8). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → stopped; working → stopped; awaitingSupplement → stopped; awaitingPayment → stopped. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
         */
        post: operations["stopDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/extend-with-apology": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gia hạn kèm thư xin lỗi
         * @description A new appointment with an apology slip (the dossier counts as late). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → accepted; working → working; awaitingSupplement → awaitingSupplement; awaitingPayment → awaitingPayment. Người được gửi (who may send it): specialist (agency), unit-leader (agency), authority-leader (agency).
         */
        post: operations["extendWithApology"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/correct": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Đính chính hồ sơ đã trả kết quả
         * @description A returned dossier's record is corrected (recorded as a correction). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): returned → returned. Người được gửi (who may send it): counter-officer (intake), specialist (agency), clerk (agency), unit-leader (agency), authority-leader (agency).
         */
        post: operations["correctDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/forms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Biểu mẫu của hồ sơ: giấy tiếp nhận, phiếu kiểm soát quá trình, phiếu bổ sung, từ chối, xin lỗi, dừng xử lý
         * @description The standard one-stop forms (Circular 01/2018/TT-VPCP) that apply to the dossier now, for whoever may read it: each with its data and its lines as printed (labels from the form's own schema, Vietnamese). A form that does not apply yet is not listed.
         */
        get: operations["dossierForms"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/forms/{form}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải biểu mẫu của hồ sơ dạng PDF (để in, giao cho người nộp)
         * @description One of the standard forms that apply to the dossier now, as PDF to print or hand over: issued by the dossier's authority under the national header, numbered `<dossier code>/<short name>`, dated today, every field labelled in Vietnamese, a QR code to the dossier's public lookup page. `form` is one of those `GET …/forms` lists (`receipt`, `process-control`, `supplementation-request`, `refusal`, `apology`, `stop-notice`, `tracking-log-entry` or `tracking-log`); one that does not apply now is 404, naming those that do.
         */
        get: operations["dossierFormPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/intake-points/{intakePointId}/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ điểm tiếp nhận đã nhận (quầy, bưu điện), mới nhất trước
         * @description The dossiers an intake point took in (at a centre's counter, or a post office's), newest first, for an account of that intake point: what it filed for citizens, what waits for a supplement, the results to hand back (state processed). Another intake point's list is 403.
         */
        get: operations["intakePointDossiers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ chờ xử lý theo vai trò, hạn sớm nhất trước, kèm thời gian còn lại
         * @description The dossiers waiting for one of the caller's roles within its scope, earliest due first (least working time left first), each with the working minutes left before its step is due and its standing (on track, due soon within the deployment's warning window, overdue).
         */
        get: operations["workQueue"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/documents": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Tải lên tài liệu (PDF, JPEG, PNG) để đính kèm hồ sơ
         * @description Uploads a document's bytes (Content-Type application/pdf, image/jpeg or image/png; the content must match). It stays staged until a filing or an action attaches it by id; unattached documents are swept later. Only the principal who uploaded a document may attach it, and one principal may have at most MOTCUA_STAGED_BYTES_PER_PRINCIPAL bytes (50 MiB by default) staged at once: beyond that, 413.
         */
        post: operations["uploadDocument"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Cổng thanh toán (phát triển) báo đã thanh toán (hệ thống tích hợp, khóa API)
         * @description The development gateway's 'paid' callback, relayed by an integration client with an API key. Verified by the PaymentGateway port; confirmed once per gateway payment id; an Idempotency-Key is honoured when sent.
         */
        post: operations["paymentCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/payment-requests": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các yêu cầu thanh toán của hồ sơ
         * @description The dossier's payment requests with their status, for whoever may read the dossier.
         */
        get: operations["paymentRequestsOfDossier"];
        put?: never;
        /**
         * Tạo yêu cầu thanh toán cho hồ sơ: mã VietQR vào tài khoản của trung tâm, hoặc trang cổng thanh toán
         * @description A payment request for everything the dossier still owes, to its collecting centre's own account: a VietQR payload carrying the request's reference (bill number and purpose), or the gateway's pay page. Asking again while one is open gives it back. 422 when nothing is owed; 503 when the channel is not configured.
         */
        post: operations["openPaymentRequest"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/payment-requests/{id}/qr": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Ảnh mã VietQR của yêu cầu thanh toán (PNG hoặc SVG)
         * @description The request's VietQR drawn as an image a banking app scans: `format=png` (default) or `svg`. 404 for a gateway request (it has a pay page, not a QR).
         */
        get: operations["paymentRequestQr"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/vietqr/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ngân hàng báo tiền chuyển khoản vào tài khoản của trung tâm (có chữ ký)
         * @description The bank's (or its intermediary's) signed notice of a credit to a centre's account: `x-timestamp` (unix seconds) and `x-signature` (HMAC of timestamp + '.' + the raw body, as configured). Credited to the dossier only when its reference, amount and account are exactly a pending request's; otherwise held for an officer with the reason (200, outcome held). Unsigned, altered or stale: 401, in the rejected log. A repeat: 409.
         */
        post: operations["vietqrTransferNotice"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/gateway/notice": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cổng thanh toán báo kết quả giao dịch (IPN, có chữ ký)
         * @description The gateway's server-to-server notice, its `vnp_*` parameters signed with `vnp_SecureHash`. A paid notice is credited once per gateway transaction; a repeat is 409, a forged or altered one 401 (in the rejected log), one naming another dossier or an unknown request 422. Answers `RspCode: 00` when received. With MOTCUA_GATEWAY_IPN_ANSWER=rspcode (VNPay's protocol) every answer is HTTP 200 with VNPay's code instead of a 4xx: 97 forged, altered or stale; 99 malformed; 02 a repeat, or a payment of a request already paid (held); 01 an unknown request or another dossier's; 04 the amount differs (held for an officer); the notice is recorded the same way.
         */
        get: operations["gatewayNotice"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/gateway/return": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Công dân quay lại từ cổng thanh toán (trang kết quả)
         * @description Where the gateway sends the citizen's browser back, with the same signed parameters as the notice: settled like it (whichever arrives first credits the payment, the other changes nothing), then a page saying how it went (or, with `Accept: application/json`, `{ outcome, dossierCode? }` for the web pages' own return page).
         */
        get: operations["gatewayReturn"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/centres/{centreId}/payments/held": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các khoản tiền đang giữ chờ cán bộ xử lý của trung tâm (nộp thiếu, thừa, sai mã…)
         * @description Money received at the centre's account and not credited by itself, with the reason, oldest first.
         */
        get: operations["heldPayments"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/payments/held/{id}/resolution": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xử lý khoản tiền đang giữ: ghi nhận cho hồ sơ, hoặc đề nghị hoàn trả
         * @description `apply`: credit it to a dossier (the dossier's rule decides: only exactly what it owes); `return`: a refund to the payer, for the centre's head to approve. Resolved once (409 after).
         */
        post: operations["resolveHeldPayment"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/centres/{centreId}/payments/reconciliation": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Đối chiếu thanh toán trong ngày của trung tâm (kèm sao kê ngân hàng CSV nếu có)
         * @description Compares the day's requests, confirmations, held and refused messages and approved refunds, and — when given — the bank statement of the centre's account (CSV: transaction_id, booked_at, account, amount, description). Each mismatch has its reason; an empty list means the day adds up. A statement with problems is refused with each problem's line and column.
         */
        post: operations["reconcilePayments"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các khoản hoàn trả của hồ sơ
         * @description The dossier's refunds with their decisions, for whoever may read the dossier.
         */
        get: operations["refundsOfDossier"];
        put?: never;
        /**
         * Đề nghị hoàn trả phí, lệ phí của hồ sơ bị từ chối, dừng xử lý hoặc rút
         * @description The refund the catalogue gives a refused, stopped or withdrawn dossier (per fee item), asked by a counter officer for a leader to approve; never more than was paid minus what is refunded or awaiting a decision.
         */
        post: operations["requestRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/centres/{centreId}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các khoản hoàn trả của trung tâm (chờ duyệt, đã duyệt, từ chối)
         * @description The refunds asked for the centre's dossiers and for money held at its account, for its payments officers and its head; `status=requested` lists those waiting for a decision (decided at POST /api/v1/refunds/{id}/decision).
         */
        get: operations["refundsOfCentre"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/decision": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Lãnh đạo duyệt hoặc từ chối đề nghị hoàn trả
         * @description Approve or reject a requested refund: a leader of the dossier's authority, or the centre's head; never the account that asked. Decided once (409 after), so a refund is paid out at most once.
         */
        post: operations["decideRefund"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/refunds/{id}/payout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Ghi nhận đã chuyển trả khoản hoàn trả đã duyệt (mã giao dịch ngân hàng, ngày, số tiền)
         * @description Records the centre accountant's transfer back of an approved refund: the bank's reference of the transfer, the day it was booked (Vietnam, not before the approval nor after today) and the amount (exactly the refund's). The refund becomes `paid`, once (409 after); a bank reference another refund of the centre has is refused (422). Daily reconciliation matches the statement's debit to it by that reference. The centre's head.
         */
        post: operations["recordRefundPayout"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/receipts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Biên lai điện tử của hồ sơ
         * @description The dossier's e-receipts, cancelled ones with their replacement, for whoever may read the dossier.
         */
        get: operations["receiptsOfDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Một biên lai điện tử: dữ liệu có cấu trúc, hoặc PDF (?format=pdf)
         * @description One e-receipt, for whoever may read its dossier: as structured data (default, `format=json`), or with `format=pdf` as the printable receipt (application/pdf; Vietnamese text in an embedded font: form symbol, series, number, payer, items, total in figures and in words, method, and a QR code to the dossier's public lookup page), signed by the collecting centre (PAdES, with the centre's certificate through the signer; `x-motcua-signature: signed`, or `unsigned` under the development signer). A cancelled receipt is printed as cancelled, naming its replacement's number; a replacement names the number it replaces. A centre without a certificate is 422 (`no-certificate`), a signing service down 503.
         */
        get: operations["receipt"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/receipts/{id}/replacement": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hủy biên lai sai và lập biên lai thay thế (không sửa biên lai đã lập)
         * @description Cancels a wrong receipt (it keeps its number) and issues its replacement with the next number of the centre's series, naming the one it replaces. The centre's head or a leader; once (409 after).
         */
        post: operations["replaceReceipt"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/lookup/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tra cứu tình trạng hồ sơ theo mã (công khai)
         * @description Public lookup by dossier code: status, appointment, handling authority and unit, the role responsible now. Nothing personal.
         */
        get: operations["publicLookup"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/verify/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kiểm tra kết quả theo mã xác thực (công khai)
         * @description What the QR code on a signed result stands for: the title, dossier, procedure, authority, who signed and when, and whether it is valid, revoked or replaced by a corrected result (with a link to it). Nothing personal.
         */
        get: operations["verifyResult"];
        put?: never;
        /**
         * Đối chiếu tệp PDF với kết quả đã cấp (công khai)
         * @description Upload a PDF (Content-Type application/pdf): is it byte for byte the result issued under this code, still valid, and does its own digital signature verify (intact, whole document, trusted certificate)?
         */
        post: operations["checkResultFile"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/results": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các kết quả đã ký của hồ sơ
         * @description The signed results issued for a dossier, newest first (who may read the dossier).
         */
        get: operations["dossierResults"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/results/{id}/pdf": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tải tệp PDF kết quả đã ký
         * @description The signed result file (PDF with its embedded signature), for who may read the dossier.
         */
        get: operations["resultPdf"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/results/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Thu hồi kết quả đã cấp
         * @description An officer who may sign for the dossier's authority revokes a result; its verification page says so from then on, with the date and the reason.
         */
        post: operations["revokeResult"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nhật ký kiểm toán của một hồ sơ (thanh tra, quản trị)
         * @description A dossier's audit entries in chain order, for auditors and administrators in scope.
         */
        get: operations["dossierAudit"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/chain": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kiểm tra toàn vẹn chuỗi băm nhật ký (thanh tra)
         * @description Recomputes the whole audit hash chain: Intact with the head, or the first broken entry and why (edited, inserted, deleted). For auditors and province administrators.
         */
        get: operations["verifyAuditChain"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/audit/reads": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Nhật ký truy cập dữ liệu cá nhân: ai đã xem hồ sơ, giấy tờ, kho dữ liệu (thanh tra)
         * @description The audited reads of personal data, oldest first: every read of a dossier's applicant data or documents or of a citizen's e-wallet by anyone but the citizen concerned, and every refused attempt (`.denied`), with who, when, which dossier or wallet and the work item (the dossier's state and step, the role acted in). By person (`actor`, auditors and province administrators) or by dossier (`dossier`, whoever may read its audit, in scope); at least one. The entries are links of the audit hash chain (`/api/v1/audit/chain`).
         */
        get: operations["personalDataReads"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Danh sách đăng ký webhook
         * @description The caller's subscriptions (all of them for the province administrator), without their secrets.
         */
        get: operations["listWebhooks"];
        put?: never;
        /**
         * Đăng ký nhận sự kiện qua webhook (hệ thống tích hợp, quản trị tỉnh)
         * @description Subscribes an https URL to event types. An integration client receives only its own authorities' events; the province administrator receives all. The answer carries the signing secret, shown only once.
         */
        post: operations["subscribeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/delete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Hủy đăng ký webhook
         * @description Removes the subscription and its delivery record.
         */
        post: operations["removeWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/enable": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bật lại webhook đã bị tắt do lỗi liên tiếp
         * @description Re-enables a subscription disabled after repeated failures; its failure count starts from zero.
         */
        post: operations["enableWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/attempts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các lần gửi webhook gần nhất
         * @description The latest 50 delivery attempts, newest first: status, error and duration of each.
         */
        get: operations["webhookAttempts"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/webhooks/{id}/test": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gửi thử một sự kiện webhook
         * @description Sends a `webhook.test` event to the subscription now (also when disabled) and answers how it went.
         */
        post: operations["testWebhook"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/postal-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Các đơn bưu chính của hồ sơ, với hành trình và người nhận
         * @description The dossier's postal orders with their tracking history and hand-over.
         */
        get: operations["postalOrdersOfDossier"];
        put?: never;
        /**
         * Đề nghị thu gom hồ sơ hoặc chuyển trả kết quả tại nhà qua bưu chính
         * @description A pick-up (before intake) or delivery order for the dossier: the charge is quoted from the deployment's postal tariff (a separate item, not a procedure fee) and the postal operator creates the order.
         */
        post: operations["requestPostalOrder"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/postal/callback": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Bưu chính báo hành trình bưu gửi (có chữ ký)
         * @description The postal operator's tracking update, signed: `x-postal-timestamp` (unix seconds) and `x-postal-signature` (hex HMAC-SHA256 of timestamp + '.' + the raw body with the callback secret). Unsigned, stale, altered or unknown updates are refused and change nothing; a repeated one changes nothing.
         */
        post: operations["postalCallback"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Thông báo đã gửi cho người nộp hồ sơ và tình trạng từng thông báo
         * @description The notices of the dossier, per channel: sent (with the provider's message id), delivered, retrying or failed with the reason. For whoever may read the dossier.
         */
        get: operations["notificationsOfDossier"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/me/notification-channels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Kênh nhận thông báo của tôi (công dân), theo thứ tự ưu tiên
         * @description The signed-in citizen's channels in order; empty when never chosen (the dossier's contact is used).
         */
        get: operations["myNotificationChannels"];
        put?: never;
        /**
         * Chọn kênh nhận thông báo (công dân), theo thứ tự ưu tiên
         * @description Sets the signed-in citizen's channels in order (each once). Every later notice tries them in that order, skipping those without an address on the dossier, and moves to the next when one refuses it for good.
         */
        post: operations["setMyNotificationChannels"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/notifications/delivery-report": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Nhà cung cấp báo kết quả chuyển phát một thông báo (qua hệ thống tích hợp)
         * @description A provider's delivery report (SMS delivery receipt, ZNS status, bounce), relayed by an integration client with its API key: the message delivered, or failed with the reason. An unknown message id is 404.
         */
        post: operations["notificationDeliveryReport"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/outbox": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hàng đợi gửi đi: đồng bộ Cổng DVCQG, thông báo, thanh toán (quản trị tỉnh)
         * @description Outbox rows by id (status, topic, dossier filters; `after` the last id of the previous page), with their attempts and last error but never their payload, and the relay's backlog and lag. Province administrator only.
         */
        get: operations["listOutbox"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/admin/outbox/retry": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Gửi lại các hàng đã bỏ cuộc (quản trị tỉnh)
         * @description Offers dead rows again from now, attempts counted from zero: the ids given (rows that are not dead are left alone), or every dead row with `allDead: true`. Answers the ids retried.
         */
        post: operations["retryOutbox"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Báo cáo hồ sơ theo đơn vị, lĩnh vực, tháng (lãnh đạo, quản trị, thanh tra)
         * @description Dossiers received, resolved and resolved early / on time / late, per commune-level unit, field and month of receipt, and per national status, counting only the dossiers the caller's scope reaches (leaders: their authority; centre administrators: their centre; auditors and province administrators: their scope). Timeliness follows the national index rule (classifyDossier). Filters: from/to (days of receipt, inclusive), unitCode (`tinh` for province level), fieldCode. An account whose roles grant no report is 403.
         */
        get: operations["dossierReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/index": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Chỉ số chất lượng phục vụ (Quyết định 766) của kỳ, theo đơn vị trong phạm vi
         * @description The Decision 766 index of a month, quarter or year: every indicator's numerator, denominator and score, the six groups and the total of the caller's scope (its units' counts summed, never their scores averaged), and each handling unit of the scope. Indicators motcua does not hold (1.1–1.3, 4.5a) come from the province's import; `notHeld` names those missing. For leaders, centre and province administrators and auditors.
         */
        get: operations["indexReport"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/reports/index/dossiers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Danh sách hồ sơ đứng sau một con số của báo cáo chỉ số
         * @description The dossiers received in the period behind a number of the index report (the late ones, the unsynced ones, …), within the caller's scope, by code in pages (`after`: the last code of the previous page).
         */
        get: operations["indexReportDossiers"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/dossiers/{code}/rating": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Đánh giá của hồ sơ (nếu có)
         * @description A dossier's rating, or null, for whoever may read the dossier.
         */
        get: operations["dossierRating"];
        put?: never;
        /**
         * Công dân đánh giá hồ sơ đã trả kết quả (một lần)
         * @description The applicant rates a returned dossier once: access, procedure, officer and result from 1 (very dissatisfied) to 5, and like or dislike (indicator 5.4). 409 when it was rated already, 422 before its result was returned.
         */
        post: operations["rateDossier"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Phản ánh, kiến nghị của tôi (công dân) hoặc trong phạm vi (cán bộ), mới nhất trước
         * @description A citizen's own petitions, or those of a staff account's authorities and units; newest first, in pages (`before`: the last id of the previous page).
         */
        get: operations["listPetitions"];
        put?: never;
        /**
         * Công dân gửi phản ánh, kiến nghị về hồ sơ hoặc thủ tục
         * @description A citizen sends a petition about one of their dossiers (it goes to the dossier's authority), or about a procedure (its province-level authority, or, for a commune-level one, the authority of `unitCode`). `rePetitionOf` names an earlier petition of theirs about the same matter (counted against 5.3).
         */
        post: operations["sendPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/published": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Phản ánh, kiến nghị đã được trả lời và công khai
         * @description Answered and published petitions with their answers, for everyone; the sender is never shown.
         */
        get: operations["publishedPetitions"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Một phản ánh, kiến nghị (người gửi, cán bộ cơ quan xử lý)
         * @description One petition with its version, for its sender and the staff of the authority that handles it.
         */
        get: operations["getPetition"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/petitions/{id}/events": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Xử lý phản ánh, kiến nghị: phân loại, từ chối, yêu cầu bổ sung, trả lời, công khai; người gửi đánh giá
         * @description One step of a petition's handling by its authority's staff (classify, refuse, requestSupplement, supplementReceived, answer, publish), or its sender's rating once published (rate). The deadlines of 5.2 (15 / 2 / 5 / 2 working days) are kept on the petition. `expectedVersion`, when given, must be the stored one (409 otherwise); an action the lifecycle refuses is 422 with the reason.
         */
        post: operations["actOnPetition"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/notices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Cảnh báo sắp đến hạn, quá hạn gửi cho tôi (cán bộ)
         * @description Service-level notices for the caller: those naming them, and those for their roles in their authorities and units (due soon → the step's holder; overdue → the unit's leader), newest first.
         */
        get: operations["slaNotices"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/api/v1/sla/overdue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ quá hạn chưa có thư xin lỗi và hẹn lại (lãnh đạo)
         * @description Dossiers found overdue whose appointment has not moved since (no apology letter with a new appointment, which the law requires) and that are not finished, within the caller's scope; for leaders and administrators.
         */
        get: operations["overdueWithoutApology"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tiến trình đang hoạt động
         * @description Liveness: the process answers.
         */
        get: operations["health"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Dịch vụ sẵn sàng phục vụ
         * @description Readiness: the catalogue and jurisdiction data are loaded and every dependency answers; with the outbox relay's backlog and lag (details only: a lagging relay does not make the instance unready).
         */
        get: operations["readiness"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/openapi.json": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Tài liệu OpenAPI 3.1 của API
         * @description This API's OpenAPI 3.1 document, generated from the same Schemas that validate requests.
         */
        get: operations["openApiDocument"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/docs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Trang tra cứu API (HTML, dùng được khi không có Internet)
         * @description A browsable reference page rendered from the OpenAPI document; works offline.
         */
        get: operations["apiReference"];
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface webhooks {
    dossierEvent: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Sự kiện hồ sơ gửi tới hệ thống đăng ký (a dossier event sent to a subscriber)
         * @description POSTed as JSON to each subscription taking its type, at least once (de-duplicate on `id`). Header `Motcua-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, t + '.' + body)>`: verify it over the raw body and refuse a timestamp more than 5 minutes old (`verifyWebhookSignature` in @motcua/application does both). Answer 2xx; anything else (redirects included) is retried with backoff, and 10 failures in a row disable the subscription. Example check in Node: `const [t, v1] = header.split(',').map(p => p.split('=')[1]); const ok = crypto.timingSafeEqual(Buffer.from(v1, 'hex'), crypto.createHmac('sha256', secret).update(t + '.' + body).digest()) && Math.abs(Date.now() / 1000 - Number(t)) < 300`.
         */
        post: operations["dossierEvent"];
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export interface components {
    schemas: {
        /** @description Một trường không hợp lệ và đường dẫn của nó */
        FieldProblem: {
            path: string;
            message: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Problem details (RFC 9457) */
        Problem: {
            type: string;
            title: string;
            status: number;
            detail: string;
            instance: string;
            errors: components["schemas"]["FieldProblem"][];
            /** @description Lý do từ chối có kiểu (typed refusal reason): `_tag` và các trường của nó */
            reason?: Record<string, never>;
        } & {
            [key: string]: unknown;
        };
        WebhookEvent: {
            /** @description Mã sự kiện: nhận trùng thì bỏ qua (de-duplicate on it) */
            id: string;
            /** @enum {string} */
            type: "dossier.file" | "dossier.accept" | "dossier.refuse" | "dossier.requestSupplementation" | "dossier.receiveSupplement" | "dossier.supplementationDeadlinePassed" | "dossier.requestFinancialObligation" | "dossier.paymentConfirmed" | "dossier.completeStep" | "dossier.transfer" | "dossier.approve" | "dossier.reject" | "dossier.sign" | "dossier.replaceResult" | "dossier.resultReady" | "dossier.returnResult" | "dossier.withdraw" | "dossier.stop" | "dossier.extendWithApology" | "dossier.correct" | "webhook.test" | "*";
            occurredAt: string;
            agencyCode: string | null;
            data: {
                dossierCode: string;
                procedureCode: string;
                from: string;
                to: string;
                statusCode: number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        ProcedureSummary: {
            code: string;
            name: string;
            nameEn?: string;
            field: {
                code: string;
                name: string;
                nameEn?: string;
            } & {
                [key: string]: unknown;
            };
            levels: ("province" | "commune")[];
            authority: {
                /** @enum {string} */
                level: "province" | "commune";
                agencyKind: string;
                agencyCode?: string;
                title: string;
                /** @enum {string} */
                territorialBasis: "applicant-residence" | "subject-location" | "intake-unit";
                requiresResidenceInProvince: boolean;
            } & {
                [key: string]: unknown;
            };
            provincialTime: {
                amount: number;
                /** @enum {string} */
                unit: "working-days" | "working-hours";
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            onlineService: "full" | "partial" | "none";
            channels: ("counter" | "online" | "post")[];
            boundaryFree: boolean;
            effectiveFrom: string;
            effectiveTo?: string;
            publishedBy: string;
        } & {
            [key: string]: unknown;
        };
        ProcedureSearchResult: {
            on: string;
            total: number;
            items: components["schemas"]["ProcedureSummary"][];
        } & {
            [key: string]: unknown;
        };
        Procedure: {
            code: string;
            name: string;
            nameEn?: string;
            field: {
                code: string;
                name: string;
                nameEn?: string;
            } & {
                [key: string]: unknown;
            };
            levels: ("province" | "commune")[];
            authority: {
                /** @enum {string} */
                level: "province" | "commune";
                agencyKind: string;
                agencyCode?: string;
                title: string;
                /** @enum {string} */
                territorialBasis: "applicant-residence" | "subject-location" | "intake-unit";
                requiresResidenceInProvince: boolean;
            } & {
                [key: string]: unknown;
            };
            statutoryTime: {
                amount: number;
                /** @enum {string} */
                unit: "working-days" | "working-hours";
            } & {
                [key: string]: unknown;
            };
            provincialTime: {
                amount: number;
                /** @enum {string} */
                unit: "working-days" | "working-hours";
            } & {
                [key: string]: unknown;
            };
            /** @enum {string} */
            onlineService: "full" | "partial" | "none";
            channels: ("counter" | "online" | "post")[];
            boundaryFree: boolean;
            documents: ({
                id: string;
                name: string;
                nameEn?: string;
                mandatory: boolean;
                originals: number;
                copies: number;
                nationalDocumentCode?: string;
                fromEWallet: boolean;
                note?: string;
            } & {
                [key: string]: unknown;
            })[];
            fees: ({
                id: string;
                /** @enum {string} */
                kind: "fee" | "charge";
                name: string;
                amount: ({
                    /** @enum {string} */
                    type: "flat";
                    amount: number;
                } & {
                    [key: string]: unknown;
                }) | ({
                    /** @enum {string} */
                    type: "per-unit";
                    /** @enum {string} */
                    per: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                    amount: number;
                    included?: number;
                    base?: number;
                    steps?: ({
                        upToUnits: number;
                        amount: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                    max?: number;
                    /** @enum {string} */
                    each?: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                } & {
                    [key: string]: unknown;
                }) | ({
                    /** @enum {string} */
                    type: "tiered";
                    /** @enum {string} */
                    basis: "value" | "area";
                    tiers: ({
                        upTo?: number;
                        amount?: number;
                        ratePercent?: number;
                        cap?: number;
                    } & {
                        [key: string]: unknown;
                    })[];
                } & {
                    [key: string]: unknown;
                });
                byChannel?: ({
                    /** @enum {string} */
                    channel: "counter" | "online" | "post";
                    amount: ({
                        /** @enum {string} */
                        type: "flat";
                        amount: number;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "per-unit";
                        /** @enum {string} */
                        per: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                        amount: number;
                        included?: number;
                        base?: number;
                        steps?: ({
                            upToUnits: number;
                            amount: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        max?: number;
                        /** @enum {string} */
                        each?: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "tiered";
                        /** @enum {string} */
                        basis: "value" | "area";
                        tiers: ({
                            upTo?: number;
                            amount?: number;
                            ratePercent?: number;
                            cap?: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                } & {
                    [key: string]: unknown;
                })[];
                exemptions: ({
                    category: string;
                    reductionPercent: number;
                    legalBasis: string;
                } & {
                    [key: string]: unknown;
                })[];
                /** @enum {string} */
                due: "at-intake" | "before-processing" | "before-result";
                refund: {
                    onRefusal: boolean;
                    onWithdrawal: boolean;
                } & {
                    [key: string]: unknown;
                };
                legalBasis: string;
                unverified?: string;
            } & {
                [key: string]: unknown;
            })[];
            process: ({
                id: string;
                name: string;
                /** @enum {string} */
                role: "counter-officer" | "specialist" | "unit-leader" | "authority-leader" | "clerk" | "inter-agency";
                unit: string;
                allowance: {
                    amount: number;
                    /** @enum {string} */
                    unit: "working-days" | "working-hours";
                } & {
                    [key: string]: unknown;
                };
                agencyCode?: string;
            } & {
                [key: string]: unknown;
            })[];
            result: {
                name: string;
                /** @enum {string} */
                form: "paper" | "electronic" | "paper-and-electronic";
                signatureRequired: boolean;
                validity?: string;
            } & {
                [key: string]: unknown;
            };
            variants: ({
                id: string;
                name: string;
                statutoryTime?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "working-days" | "working-hours";
                } & {
                    [key: string]: unknown;
                };
                provincialTime?: {
                    amount: number;
                    /** @enum {string} */
                    unit: "working-days" | "working-hours";
                } & {
                    [key: string]: unknown;
                };
                documents?: ({
                    id: string;
                    name: string;
                    nameEn?: string;
                    mandatory: boolean;
                    originals: number;
                    copies: number;
                    nationalDocumentCode?: string;
                    fromEWallet: boolean;
                    note?: string;
                } & {
                    [key: string]: unknown;
                })[];
                fees?: ({
                    id: string;
                    /** @enum {string} */
                    kind: "fee" | "charge";
                    name: string;
                    amount: ({
                        /** @enum {string} */
                        type: "flat";
                        amount: number;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "per-unit";
                        /** @enum {string} */
                        per: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                        amount: number;
                        included?: number;
                        base?: number;
                        steps?: ({
                            upToUnits: number;
                            amount: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                        max?: number;
                        /** @enum {string} */
                        each?: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "tiered";
                        /** @enum {string} */
                        basis: "value" | "area";
                        tiers: ({
                            upTo?: number;
                            amount?: number;
                            ratePercent?: number;
                            cap?: number;
                        } & {
                            [key: string]: unknown;
                        })[];
                    } & {
                        [key: string]: unknown;
                    });
                    byChannel?: ({
                        /** @enum {string} */
                        channel: "counter" | "online" | "post";
                        amount: ({
                            /** @enum {string} */
                            type: "flat";
                            amount: number;
                        } & {
                            [key: string]: unknown;
                        }) | ({
                            /** @enum {string} */
                            type: "per-unit";
                            /** @enum {string} */
                            per: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                            amount: number;
                            included?: number;
                            base?: number;
                            steps?: ({
                                upToUnits: number;
                                amount: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                            max?: number;
                            /** @enum {string} */
                            each?: "copy" | "page" | "item" | "certificate" | "person" | "vehicle";
                        } & {
                            [key: string]: unknown;
                        }) | ({
                            /** @enum {string} */
                            type: "tiered";
                            /** @enum {string} */
                            basis: "value" | "area";
                            tiers: ({
                                upTo?: number;
                                amount?: number;
                                ratePercent?: number;
                                cap?: number;
                            } & {
                                [key: string]: unknown;
                            })[];
                        } & {
                            [key: string]: unknown;
                        });
                    } & {
                        [key: string]: unknown;
                    })[];
                    exemptions: ({
                        category: string;
                        reductionPercent: number;
                        legalBasis: string;
                    } & {
                        [key: string]: unknown;
                    })[];
                    /** @enum {string} */
                    due: "at-intake" | "before-processing" | "before-result";
                    refund: {
                        onRefusal: boolean;
                        onWithdrawal: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                    legalBasis: string;
                    unverified?: string;
                } & {
                    [key: string]: unknown;
                })[];
                process?: ({
                    id: string;
                    name: string;
                    /** @enum {string} */
                    role: "counter-officer" | "specialist" | "unit-leader" | "authority-leader" | "clerk" | "inter-agency";
                    unit: string;
                    allowance: {
                        amount: number;
                        /** @enum {string} */
                        unit: "working-days" | "working-hours";
                    } & {
                        [key: string]: unknown;
                    };
                    agencyCode?: string;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            })[];
            effectiveFrom: string;
            effectiveTo?: string;
            publishedBy: string;
            legalBasis: string[];
            unverified?: string[];
        } & {
            [key: string]: unknown;
        };
        ProcedureVersions: {
            total: number;
            items: components["schemas"]["ProcedureSummary"][];
        } & {
            [key: string]: unknown;
        };
        AdministrativeUnit: {
            code: string;
            name: string;
            /** @enum {string} */
            kind: "ward" | "commune" | "special-zone";
            provinceCode: string;
        } & {
            [key: string]: unknown;
        };
        UnitList: {
            total: number;
            items: components["schemas"]["AdministrativeUnit"][];
        } & {
            [key: string]: unknown;
        };
        Province: {
            code: string;
            name: string;
            agencyCode: string;
        } & {
            [key: string]: unknown;
        };
        Agency: {
            code: string;
            name: string;
            nameEn?: string;
            kind: string;
            /** @enum {string} */
            level: "province" | "commune";
            unitCode?: string;
        } & {
            [key: string]: unknown;
        };
        IntakePoint: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "provincial-centre" | "commune-centre" | "post-office";
            unitCode: string;
            address: string;
            returnsResultsAtHome: boolean;
            unverified?: string;
        } & {
            [key: string]: unknown;
        };
        UnitDetail: {
            unit: components["schemas"]["AdministrativeUnit"];
            province: components["schemas"]["Province"];
            agencies: components["schemas"]["Agency"][];
            intakePoints: components["schemas"]["IntakePoint"][];
        } & {
            [key: string]: unknown;
        };
        IntakePointList: {
            total: number;
            items: components["schemas"]["IntakePoint"][];
        } & {
            [key: string]: unknown;
        };
        AgencyList: {
            total: number;
            items: components["schemas"]["Agency"][];
        } & {
            [key: string]: unknown;
        };
        FeeQuoteRequest: {
            /** @description Mã thủ tục quốc gia, vd. 1.004222 */
            procedureCode: string;
            on?: string;
            /** @enum {string} */
            channel: "counter" | "online" | "post";
            variantId?: string;
            applicantCategories?: string[];
            quantities?: {
                copy?: number;
                page?: number;
                item?: number;
                certificate?: number;
                person?: number;
                vehicle?: number;
            } & {
                [key: string]: unknown;
            };
            declaredValue?: number;
            area?: number;
        } & {
            [key: string]: unknown;
        };
        FeeQuote: {
            procedureCode: string;
            variantId?: string;
            /** @enum {string} */
            channel: "counter" | "online" | "post";
            lines: ({
                itemId: string;
                /** @enum {string} */
                kind: "fee" | "charge";
                name: string;
                /** @enum {string} */
                due: "at-intake" | "before-processing" | "before-result";
                quantity?: number;
                unitAmount?: number;
                basis?: {
                    /** @enum {string} */
                    kind: "value" | "area";
                    value: number;
                } & {
                    [key: string]: unknown;
                };
                gross: number;
                reduction: number;
                amount: number;
                rule: {
                    text: string;
                    textEn: string;
                    legalBasis: string;
                } & {
                    [key: string]: unknown;
                };
                exemption?: {
                    category: string;
                    reductionPercent: number;
                    legalBasis: string;
                } & {
                    [key: string]: unknown;
                };
                refund: {
                    onRefusal: boolean;
                    onWithdrawal: boolean;
                } & {
                    [key: string]: unknown;
                };
                unverified?: string;
            } & {
                [key: string]: unknown;
            })[];
            total: number;
            totalFees: number;
            totalCharges: number;
            byDue: {
                "at-intake": number;
                "before-processing": number;
                "before-result": number;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        AssistantQuestion: {
            /** @description Câu hỏi của người dân, tiếng Việt (có hoặc không dấu) hoặc tiếng Anh */
            question: string;
            /** @description Mã hội thoại của câu trả lời trước, để trả lời câu hỏi lại (follow-up) */
            conversationId?: string;
        } & {
            [key: string]: unknown;
        };
        AssistantAnswer: {
            conversationId: string;
            /** @enum {string} */
            kind: "answer" | "clarify" | "not-found" | "invalid";
            text: string;
            textEn: string;
            citations: string[];
            /** @description code, name, variant, documents (catalogue RequiredDocument), fees { counter, online: FeeQuote, onlineSaving, assumed, categories (applicant categories the question named; the quotes apply those the fees exempt), exemptible (the other categories the fees exempt or reduce), missing }, time { provincial, appointmentIfFiledNow }, place { authority, unit, centres, boundaryFree }, online { level, channels, filingLink } */
            procedure?: unknown;
            followUp?: {
                question: string;
                questionEn: string;
                options: ({
                    id: string;
                    label: string;
                    code: string;
                    variantId?: string;
                } & {
                    [key: string]: unknown;
                })[];
            } & {
                [key: string]: unknown;
            };
            candidates: ({
                code: string;
                name: string;
                score: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Với kind not-found: thủ tục không có trong danh mục của tỉnh mà trợ lý nhận ra, và nơi cần đến (where, tiếng Việt; whereEn) */
            elsewhere?: {
                id: string;
                name: string;
                nameEn: string;
                where: string;
                whereEn: string;
                unverified?: string;
            } & {
                [key: string]: unknown;
            };
            notices: string[];
            /** @enum {string} */
            phrasedBy: "template" | "model";
        } & {
            [key: string]: unknown;
        };
        SignIn: {
            /** @description Tên đăng nhập */
            username: string;
            /** @description Mật khẩu */
            password: string;
        } & {
            [key: string]: unknown;
        };
        /** @description Tài khoản đang đăng nhập, vai trò và phạm vi */
        Principal: {
            id: string;
            name?: string;
            roles: string[];
            scope: Record<string, never>;
        } & {
            [key: string]: unknown;
        };
        Session: {
            principal: components["schemas"]["Principal"];
            /** @description Gửi lại trong tiêu đề x-csrf-token với POST (CSRF token) */
            csrfToken: string;
            expiresAt: string;
        } & {
            [key: string]: unknown;
        };
        SignInOptions: {
            /** @description Đăng nhập bằng VNeID đã được cấu hình (e-ID sign-in is configured) */
            eid: boolean;
            /** @description Nhận mã đăng nhập thử nghiệm của công dân (development tokens are accepted: demos only) */
            citizenTokens: boolean;
        } & {
            [key: string]: unknown;
        };
        AgentPairing: {
            code: string;
            expiresAt: string;
        } & {
            [key: string]: unknown;
        };
        AgentPairingRedeem: {
            code: string;
        } & {
            [key: string]: unknown;
        };
        AgentSession: {
            sessionToken: string;
            csrfToken: string;
            expiresAt: string;
            principalId: string;
        } & {
            [key: string]: unknown;
        };
        IdCardText: {
            /** @enum {string} */
            format: "qr" | "mrz";
            text: string;
        } & {
            [key: string]: unknown;
        };
        IdCardRead: {
            fullName: string;
            id: string;
            dateOfBirth: string;
            /** @enum {string} */
            sex: "Nam" | "Nữ";
            oldId?: string;
            permanentAddress?: string;
            issuedOn?: string;
            expiresOn?: string;
            /** @enum {string} */
            source: "qr" | "mrz";
        } & {
            [key: string]: unknown;
        };
        /** @description Một giấy tờ hoặc kết quả trong kho dữ liệu của công dân */
        WalletEntry: {
            id: string;
            ownerId: string;
            /** @enum {string} */
            kind: "paper" | "result";
            documentType: string;
            name: string;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/jpeg" | "image/png";
            size: number;
            sha256: string;
            validFrom?: string;
            validUntil?: string;
            dossierCode?: string;
            createdAt: string;
            /** @description Kết quả đã được thay thế bởi kết quả đính chính (mã giấy tờ mới) / replaced by this entry */
            replacedBy?: string;
        } & {
            [key: string]: unknown;
        };
        Wallet: {
            total: number;
            items: components["schemas"]["WalletEntry"][];
        } & {
            [key: string]: unknown;
        };
        PopulationLookup: {
            /** @description Số định danh cá nhân (12 chữ số) */
            personalId: string;
            /** @enum {string} */
            consent: "signed-at-counter" | "e-id" | "declared-online";
            procedureCode: string;
            fullName?: string;
            dateOfBirth?: string;
        } & {
            [key: string]: unknown;
        };
        PopulationRecord: {
            personalId: string;
            fullName: string;
            dateOfBirth: string;
            /** @enum {string} */
            sex: "Nam" | "Nữ";
            permanentAddress?: string;
            reference?: string;
        } & {
            [key: string]: unknown;
        };
        PopulationLookupResult: {
            found: boolean;
            verified: boolean;
            mismatches: ("fullName" | "dateOfBirth")[];
            record?: components["schemas"]["PopulationRecord"];
        } & {
            [key: string]: unknown;
        };
        Applicant: {
            id: string;
            name: string;
            /** @enum {string} */
            kind: "citizen" | "business";
            address?: string;
            phone?: string;
            email?: string;
        } & {
            [key: string]: unknown;
        };
        DocumentPresent: {
            id: string;
            fromEWallet?: boolean;
            digitised?: boolean;
            reused?: boolean;
        } & {
            [key: string]: unknown;
        };
        ExemptionProof: {
            category: string;
            attachmentId?: string;
            /** @enum {boolean} */
            confirmed?: true;
        } & {
            [key: string]: unknown;
        };
        FiledPaper: {
            /** @description The procedure's required document the paper is (RequiredDocument.id) */
            documentId: string;
            /** @description The staged document with the bytes (POST /api/v1/documents) */
            attachmentId: string;
            pages?: number;
            sha256?: string;
        } & {
            [key: string]: unknown;
        };
        Filing: {
            /** @description Mã thủ tục quốc gia, vd. 1.004222 */
            procedureCode: string;
            variantId?: string;
            applicant: components["schemas"]["Applicant"];
            residence: {
                provinceCode: string;
                unitCode?: string;
            } & {
                [key: string]: unknown;
            };
            subjectUnitCode?: string;
            summary?: string;
            /** @description Thành phần hồ sơ nộp. Cờ digitised / fromEWallet khai ở đây không được tính: giấy tờ chỉ là đã số hóa khi có bản được ghi nhận (papers, hoặc POST /api/v1/dossiers/{code}/papers) và chỉ là lấy từ kho dữ liệu khi lấy bằng fromWallet. The documents filed; a digitised or fromEWallet flag declared here is ignored: only a recorded paper (papers) or a wallet paper taken (fromWallet) flags a document. */
            documents: components["schemas"]["DocumentPresent"][];
            /** @description Đối tượng miễn, giảm phí mà người nộp thuộc về, vd. poor-household */
            applicantCategories?: string[];
            /** @description Số bản, số trang, ... cho khoản phí tính theo đơn vị */
            quantities?: {
                copy?: number;
                page?: number;
                item?: number;
                certificate?: number;
                person?: number;
                vehicle?: number;
            } & {
                [key: string]: unknown;
            };
            /** @description Giá trị kê khai (đồng) */
            declaredValue?: number;
            /** @description Diện tích (m²) */
            area?: number;
            /** @description Chứng minh từng đối tượng miễn, giảm trong applicantCategories: attachmentId (giấy tờ trong attachmentIds), hoặc confirmed: true khi cán bộ tiếp nhận/bưu điện đã xem bản chính (không dùng khi nộp trực tuyến). Thiếu → 422 exemption-unproven. The proof of each category claimed: an attached document, or the intake officer's confirmation. */
            exemptionProofs?: components["schemas"]["ExemptionProof"][];
            /** @description KHÔNG NHẬN: số tiền phí, lệ phí do hệ thống tính theo danh mục; gửi trường này → 422 (FilingRefused fee-amounts-not-accepted). Refused: amounts come from the catalogue, not the caller. */
            fees?: ({
                feeId: string;
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
            attachmentIds?: string[];
            /** @description Nộp thay người khác (trực tuyến): quan hệ với người đứng tên, vd. cha, người được ủy quyền. Thiếu trường này mà người đứng tên không phải chủ tài khoản → 422 applicant-not-caller. Filing for someone else online. */
            onBehalfOf?: {
                relationship: string;
            } & {
                [key: string]: unknown;
            };
            /** @description Giấy tờ quét hoặc tải lên kèm hồ sơ: mỗi bản là giấy tờ nào của thủ tục (documentId) và tệp đã tải lên (attachmentId, POST /api/v1/documents); được ghi nhận là giấy tờ đã số hóa (số trang, SHA-256, ai, khi nào) và đính kèm hồ sơ. Sai → 422 chỉ rõ trường papers[i]. Scanned or uploaded papers, each recorded as the required document it is (digitised) and attached. */
            papers?: components["schemas"]["FiledPaper"][];
            /** @description Trực tuyến: giấy tờ lấy từ kho dữ liệu của chính người nộp thay cho tải lên (được ghi là lấy từ kho dữ liệu). Online: required documents taken from the signed-in citizen's e-wallet instead of uploaded. */
            fromWallet?: ({
                documentId: string;
                walletEntryId: string;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Điểm tiếp nhận khi cán bộ tiếp nhận tại quầy / bưu điện; bỏ trống khi nộp trực tuyến */
            intakePointId?: string;
            /** @description Xác thực người đứng tên (công dân) với Cơ sở dữ liệu quốc gia về dân cư, khi người đó đã đồng ý (ký tại quầy, qua tài khoản định danh, khai khi nộp trực tuyến): hồ sơ ghi nhận đã xác thực (chỉ số 4.5, cờ xác thực gửi Cổng DVCQG). Không có trong CSDL → 422 applicant-not-in-population-db; họ tên không khớp → 422 applicant-mismatch; CSDL không trả lời → 503. Check the applicant against the population database. */
            verifyApplicant?: {
                /** @enum {string} */
                consent: "signed-at-counter" | "e-id" | "declared-online";
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        DossierSummary: {
            statusCode: number;
            state: string;
            procedureCode: string;
            agencyCode: string;
            unitCode: string | null;
            currentRole: string | null;
            dueAt: string | null;
            appointmentAt: string | null;
            feeTotal: number;
        } & {
            [key: string]: unknown;
        };
        /** @description Hồ sơ sau thay đổi: mã, phiên bản, tóm tắt trạng thái */
        DossierView: {
            code: string;
            version: number;
            summary: components["schemas"]["DossierSummary"];
        } & {
            [key: string]: unknown;
        };
        DossierPaymentRequest: {
            /** @description Mã yêu cầu thanh toán trong sổ thanh toán (the ledger's request id, as in /payment-requests) */
            requestId: string;
            /** @description Mã thanh toán (MC…): nội dung chuyển khoản phải có mã này */
            reference: string;
            /**
             * @description vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán
             * @enum {string}
             */
            channel: "vietqr" | "gateway";
            /** @enum {string} */
            status: "pending" | "paid" | "expired" | "failed" | "cancelled";
            amount: number;
            items: ({
                name: string;
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Đường dẫn thanh toán của cổng thanh toán */
            payUrl?: string;
            /** @description Nội dung mã VietQR (EMVCo): tài khoản của trung tâm, số tiền, mã thanh toán */
            qrPayload?: string;
            createdAt: string;
            /** @description Hết hạn lúc (after this, an unpaid request is closed) */
            expiresAt: string;
            paidAt?: string;
            closedReason?: string;
            /** @description Khoản thanh toán đã trả đủ hồ sơ khi yêu cầu này còn chờ: yêu cầu bị đóng (cancelled) / the payment that settled the dossier and closed this request */
            supersededBy?: string;
            /** @description Thanh toán được ngay: đang chờ, chưa hết hạn và đúng số còn phải nộp (pending, not expired, and exactly what is still owed) */
            open: boolean;
        } & {
            [key: string]: unknown;
        };
        /** @description Còn phải nộp bao nhiêu và nộp ở đâu (how much is owed, how to pay) */
        DossierPayment: {
            /** @description Số còn phải nộp (đồng): phí, lệ phí và nghĩa vụ tài chính trừ số đã nộp */
            outstanding: number;
            /** @description Số đã nộp (đồng), mọi kênh */
            paid: number;
            requests: components["schemas"]["DossierPaymentRequest"][];
        } & {
            [key: string]: unknown;
        };
        OfferedAction: {
            /** @description Đoạn đường dẫn của thao tác: POST /api/v1/dossiers/{code}/<action> (the action's path segment) */
            action: string;
            /** @description Sự kiện của máy trạng thái (the machine's event) */
            event: string;
            /** @description true: người gọi thực hiện được ngay; false: quy tắc của máy trạng thái đang chặn, lý do ở reason (true: the caller may take it now; false: a rule of the machine blocks it, reason says which) */
            allowed: boolean;
            /** @description Lý do bị chặn, tiếng Việt rồi tiếng Anh */
            reason?: string;
            /** @description Loại lý do (the refusal's tag) */
            refusal?: string;
            /** @description Trả kết quả: các cách người gọi được dùng */
            methods?: ("counter" | "post" | "e-wallet")[];
        } & {
            [key: string]: unknown;
        };
        DossierDetail: {
            code: string;
            version: number;
            summary: {
                statusCode: number;
                state: string;
                procedureCode: string;
                agencyCode: string;
                unitCode: string | null;
                currentRole: string | null;
                dueAt: string | null;
                appointmentAt: string | null;
                feeTotal: number;
            } & {
                [key: string]: unknown;
            };
            procedureName: string;
            /** @description Toàn bộ ngữ cảnh hồ sơ */
            context: Record<string, never>;
            documentIds: string[];
            payment: components["schemas"]["DossierPayment"];
            /** @description Các thao tác người gọi được thực hiện với hồ sơ lúc này theo phân quyền và máy trạng thái (đúng như khi gửi thao tác), kèm thao tác đang bị quy tắc chặn và lý do. The lifecycle actions the policy and the machine allow the caller now (as sending them would be decided), and those a rule blocks, with the reason. */
            actions: components["schemas"]["OfferedAction"][];
        } & {
            [key: string]: unknown;
        };
        MyDossiers: {
            total: number;
            items: ({
                code: string;
                version: number;
                summary: {
                    statusCode: number;
                    state: string;
                    procedureCode: string;
                    agencyCode: string;
                    unitCode: string | null;
                    currentRole: string | null;
                    dueAt: string | null;
                    appointmentAt: string | null;
                    feeTotal: number;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        DigitisedPaper: {
            /** @description Thành phần hồ sơ (RequiredDocument.id) */
            documentId: string;
            /** @description 1 for the first digitisation; each replacement the next */
            version: number;
            /** @description The attached document: GET /api/v1/dossiers/{code}/documents/{fileId} */
            fileId: string;
            pages: number | null;
            sha256: string;
            mediaType: string;
            size: number;
            /** @enum {string} */
            source: "officer" | "citizen" | "e-wallet";
            digitisedBy: string;
            digitisedAt: string;
            intakePointId: string | null;
            unitCode: string | null;
            agencyCode: string;
            walletEntryId: string | null;
        } & {
            [key: string]: unknown;
        };
        PaperHistory: {
            documentId: string;
            name: string;
            current: components["schemas"]["DigitisedPaper"];
            /** @description Every version, oldest first */
            versions: components["schemas"]["DigitisedPaper"][];
        } & {
            [key: string]: unknown;
        };
        DossierPapers: {
            items: components["schemas"]["PaperHistory"][];
        } & {
            [key: string]: unknown;
        };
        DigitisePaperRequest: {
            /** @description The procedure's required document the paper is (RequiredDocument.id) */
            documentId: string;
            /** @description The staged document with the bytes (POST /api/v1/documents) */
            attachmentId: string;
            pages?: number;
            sha256?: string;
            intakePointId?: string;
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion?: number;
        } & {
            [key: string]: unknown;
        };
        DigitisedPaperRecorded: {
            paper: components["schemas"]["DigitisedPaper"];
            dossierVersion: number;
            replacedVersion: number | null;
        } & {
            [key: string]: unknown;
        };
        AcceptDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            /** @description Giấy tờ bổ sung tại quầy, gộp với giấy tờ đã nộp. Cờ digitised / fromEWallet phải đúng với bản số hóa đã ghi nhận, nếu không → 422. Documents added at the counter; a flag must match a recorded paper. */
            documents?: ({
                id: string;
                fromEWallet?: boolean;
                digitised?: boolean;
                reused?: boolean;
            } & {
                [key: string]: unknown;
            })[];
            attachmentIds?: string[];
        } & {
            [key: string]: unknown;
        };
        RefuseDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            reasons: string[];
        } & {
            [key: string]: unknown;
        };
        RequestSupplementationRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            missing: ({
                documentId?: string;
                description: string;
            } & {
                [key: string]: unknown;
            })[];
            /**
             * Format: date-time
             * @description Hạn bổ sung (ISO-8601 có múi giờ)
             */
            applicantDeadline: string;
        } & {
            [key: string]: unknown;
        };
        ReceiveSupplementRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            documents: ({
                id: string;
                fromEWallet?: boolean;
                digitised?: boolean;
                reused?: boolean;
            } & {
                [key: string]: unknown;
            })[];
            attachmentIds?: string[];
        } & {
            [key: string]: unknown;
        };
        RequestPaymentRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            items: ({
                name: string;
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        ConfirmPaymentRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            paymentId: string;
            amount: number;
        } & {
            [key: string]: unknown;
        };
        CompleteStepRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            note?: string;
            assigneeId?: string;
        } & {
            [key: string]: unknown;
        };
        TransferDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            agencyCode: string;
            note?: string;
        } & {
            [key: string]: unknown;
        };
        ApproveDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            note?: string;
        } & {
            [key: string]: unknown;
        };
        RejectDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            reasons: string[];
        } & {
            [key: string]: unknown;
        };
        SignResultRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            documentId?: string;
        } & {
            [key: string]: unknown;
        };
        ReplaceResultRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            documentId?: string;
            reason: string;
        } & {
            [key: string]: unknown;
        };
        MarkResultReadyRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            resultDocumentIds?: string[];
        } & {
            [key: string]: unknown;
        };
        ReturnResultRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            /** @enum {string} */
            method: "counter" | "post" | "e-wallet";
        } & {
            [key: string]: unknown;
        };
        WithdrawDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            reason?: string;
        } & {
            [key: string]: unknown;
        };
        StopDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            reasons: string[];
        } & {
            [key: string]: unknown;
        };
        ExtendWithApologyRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            /** Format: date-time */
            newAppointment: string;
            reason: string;
        } & {
            [key: string]: unknown;
        };
        CorrectDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            changes: ({
                field: string;
                from?: string;
                to: string;
            } & {
                [key: string]: unknown;
            })[];
            reason: string;
        } & {
            [key: string]: unknown;
        };
        DossierForm: {
            form: string;
            title: string;
            data: Record<string, never>;
            lines: ({
                label: string;
                value: string;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        DossierForms: {
            total: number;
            items: components["schemas"]["DossierForm"][];
        } & {
            [key: string]: unknown;
        };
        IntakePointDossiers: {
            total: number;
            items: ({
                code: string;
                version: number;
                summary: {
                    statusCode: number;
                    state: string;
                    procedureCode: string;
                    agencyCode: string;
                    unitCode: string | null;
                    currentRole: string | null;
                    dueAt: string | null;
                    appointmentAt: string | null;
                    feeTotal: number;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        WorkQueue: {
            total: number;
            items: ({
                code: string;
                version: number;
                summary: {
                    statusCode: number;
                    state: string;
                    procedureCode: string;
                    agencyCode: string;
                    unitCode: string | null;
                    currentRole: string | null;
                    dueAt: string | null;
                    appointmentAt: string | null;
                    feeTotal: number;
                } & {
                    [key: string]: unknown;
                };
                timeLeft: ({
                    minutes: number;
                    /** @enum {string} */
                    standing: "on-track" | "due-soon" | "overdue";
                } & {
                    [key: string]: unknown;
                }) | null;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        DocumentMeta: {
            id: string;
            sha256: string;
            size: number;
            /** @enum {string} */
            mediaType: "application/pdf" | "image/jpeg" | "image/png";
            createdAt: string;
            dossierCode: string | null;
        } & {
            [key: string]: unknown;
        };
        PaymentCallback: {
            /** @description Chữ ký của cổng thanh toán trên thông báo */
            signature: string;
            /** @description Mã giao dịch của cổng thanh toán (khóa chống lặp của xác nhận) */
            paymentId: string;
            dossierCode: string;
            amount: number;
            paidAt: string;
        } & {
            [key: string]: unknown;
        };
        PaymentRequestAsked: {
            /**
             * @description vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán
             * @enum {string}
             */
            channel: "vietqr" | "gateway";
        } & {
            [key: string]: unknown;
        };
        PaymentRequest: {
            id: string;
            /** @description Mã thanh toán (MC…): nội dung chuyển khoản phải có mã này */
            reference: string;
            dossierCode: string;
            centreId: string;
            /**
             * @description vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán
             * @enum {string}
             */
            channel: "vietqr" | "gateway";
            /** @description Số tiền (đồng, số nguyên) */
            amount: number;
            items: ({
                name: string;
                /** @description Số tiền (đồng, số nguyên) */
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @enum {string} */
            status: "pending" | "paid" | "expired" | "failed" | "cancelled";
            /** Format: date-time */
            createdAt: string;
            /** Format: date-time */
            expiresAt: string;
            /** @description Trang thanh toán của cổng (gateway) */
            payUrl?: string;
            /** @description Nội dung mã VietQR (EMVCo): tài khoản, số tiền, mã thanh toán */
            qrPayload?: string;
            paymentId?: string;
            paidAt?: string;
            checkedAt?: string;
            closedReason?: string;
            /** @description Khoản thanh toán đã trả đủ hồ sơ khi yêu cầu này còn chờ: yêu cầu bị đóng (cancelled) / the payment that settled the dossier and closed this request */
            supersededBy?: string;
            /** @description VietQR: tài khoản nhận của trung tâm, để chuyển khoản bằng tay khi không quét được mã (the centre's account, for a transfer typed by hand) */
            account?: {
                bankBin: string;
                bankName: string;
                accountNumber: string;
                accountName: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        PaymentRequests: {
            total: number;
            items: components["schemas"]["PaymentRequest"][];
        } & {
            [key: string]: unknown;
        };
        /** @description transactionId, accountNumber, bankBin (tùy chọn), amount (đồng), description (nội dung chuyển khoản), creditedAt, direction (tùy chọn: in) */
        TransferNotice: Record<string, never>;
        PaymentNoticeOutcome: {
            messageId: string;
            /**
             * @description confirmed: đã ghi nhận cho hồ sơ; held: giữ lại chờ cán bộ (kèm lý do); not-paid: giao dịch không thành công
             * @enum {string}
             */
            outcome: "confirmed" | "held" | "not-paid";
            reason: string;
            detail: string;
            dossierCode?: string;
            requestId?: string;
            paymentId?: string;
            receiptId?: string;
        } & {
            [key: string]: unknown;
        };
        GatewayNoticeAnswer: {
            /**
             * @description 00: đã nhận (received). Only with MOTCUA_GATEWAY_IPN_ANSWER=rspcode, for money held for an officer: 04 số tiền không khớp (the amount differs), 02 yêu cầu đã thanh toán hoặc hồ sơ không còn nợ (already paid)
             * @enum {string}
             */
            RspCode: "00" | "02" | "04";
            Message: string;
            messageId: string;
            /**
             * @description confirmed: đã ghi nhận cho hồ sơ; held: giữ lại chờ cán bộ (kèm lý do); not-paid: giao dịch không thành công
             * @enum {string}
             */
            outcome: "confirmed" | "held" | "not-paid";
            reason: string;
            detail: string;
            dossierCode?: string;
            requestId?: string;
            paymentId?: string;
            receiptId?: string;
        } & {
            [key: string]: unknown;
        };
        HeldPayment: {
            id: string;
            /**
             * @description vietqr: chuyển khoản bằng mã VietQR vào tài khoản của trung tâm; gateway: cổng thanh toán
             * @enum {string}
             */
            channel: "vietqr" | "gateway";
            kind: string;
            /** @description Mã giao dịch của ngân hàng hoặc cổng */
            key?: string;
            /** Format: date-time */
            receivedAt: string;
            outcome: string;
            /** @description Lý do giữ lại: underpayment, overpayment, no-reference, several-references, unknown-reference, wrong-account, request-closed, paid-by-another-request, dossier-refused */
            reason: string;
            detail: string;
            centreId?: string;
            dossierCode?: string;
            requestId?: string;
            /** @description Số tiền (đồng, số nguyên) */
            amount?: number;
            description?: string;
            paidAt?: string;
            excerpt: string;
        } & {
            [key: string]: unknown;
        };
        HeldPayments: {
            total: number;
            items: components["schemas"]["HeldPayment"][];
        } & {
            [key: string]: unknown;
        };
        HeldPaymentResolution: ({
            /**
             * @description Ghi nhận khoản tiền cho hồ sơ (đúng số còn phải nộp)
             * @enum {string}
             */
            action: "apply";
            dossierCode: string & unknown;
            note?: string;
        } & {
            [key: string]: unknown;
        }) | ({
            /**
             * @description Đề nghị hoàn trả người chuyển (lãnh đạo duyệt)
             * @enum {string}
             */
            action: "return";
            note: string;
        } & {
            [key: string]: unknown;
        });
        /** @description Giao dịch chuyển trả (the transfer back, recorded) */
        RefundPayout: {
            bankReference: string;
            paidOn: string;
            /** @description Số tiền (đồng, số nguyên) */
            amount: number;
            recordedBy: string;
            /** Format: date-time */
            recordedAt: string;
            note?: string;
        } & {
            [key: string]: unknown;
        };
        Refund: {
            id: string;
            /** @description Mã hoàn trả (HT…): ghi trong nội dung chuyển tiền trả lại */
            reference: string;
            centreId: string;
            dossierCode?: string;
            messageId?: string;
            /** @description Số tiền (đồng, số nguyên) */
            amount: number;
            /** @enum {string} */
            reason: "refused" | "withdrawn" | "unmatched" | "overpaid";
            /**
             * @description requested → approved | rejected; approved → paid when the transfer back is recorded
             * @enum {string}
             */
            status: "requested" | "approved" | "rejected" | "paid";
            requestedBy: string;
            /** Format: date-time */
            requestedAt: string;
            note: string;
            decidedBy?: string;
            decidedAt?: string;
            decisionNote?: string;
            lines?: unknown[];
            payout?: components["schemas"]["RefundPayout"];
        } & {
            [key: string]: unknown;
        };
        ReconciliationRequest: {
            /** @description Ngày (giờ Việt Nam), YYYY-MM-DD */
            date: string;
            /** @description Sao kê ngân hàng (CSV, UTF-8) */
            statementCsv?: string;
        } & {
            [key: string]: unknown;
        };
        ReconciliationReport: {
            date: string;
            centreId: string;
            statement: boolean;
            totals: {
                confirmed: {
                    [key: string]: {
                        count: number;
                        /** @description Số tiền (đồng, số nguyên) */
                        amount: number;
                    } & {
                        [key: string]: unknown;
                    };
                };
                /** @description Số tiền (đồng, số nguyên) */
                statementCredits: number;
                /** @description Số tiền (đồng, số nguyên) */
                statementDebits: number;
                held: number;
                rejected: number;
                duplicates: number;
            } & {
                [key: string]: unknown;
            };
            matched: number;
            mismatches: ({
                kind: string;
                reason: string;
                transactionId?: string;
                paymentId?: string;
                dossierCode?: string;
                messageId?: string;
                amount?: number;
                line?: number;
            } & {
                [key: string]: unknown;
            })[];
            pendingRefunds: ({
                id: string;
                reference: string;
                /** @description Số tiền (đồng, số nguyên) */
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
        } & {
            [key: string]: unknown;
        };
        RefundAsked: {
            note: string;
        } & {
            [key: string]: unknown;
        };
        Refunds: {
            total: number;
            items: components["schemas"]["Refund"][];
        } & {
            [key: string]: unknown;
        };
        RefundDecision: {
            approve: boolean;
            note: string;
        } & {
            [key: string]: unknown;
        };
        RefundPayoutRecord: {
            /** @description Mã giao dịch của ngân hàng (ghi trên sao kê) */
            bankReference: string;
            /** @description Ngày (giờ Việt Nam), YYYY-MM-DD */
            paidOn: string;
            /** @description Số tiền (đồng, số nguyên) */
            amount: number;
            note?: string;
        } & {
            [key: string]: unknown;
        };
        ReceiptPayer: {
            name: string;
            id?: string;
            address?: string;
        } & {
            [key: string]: unknown;
        };
        Receipt: {
            id: string;
            centreId: string;
            centreName: string;
            collector: string;
            /** @description Ký hiệu mẫu biên lai */
            form: string;
            /** @description Ký hiệu biên lai (của trung tâm, theo năm) */
            series: string;
            /** @description Số biên lai: liên tục theo trung tâm và ký hiệu, không bỏ số */
            number: number;
            dossierCode: string;
            procedureName: string;
            paymentId: string;
            payer: components["schemas"]["ReceiptPayer"];
            items: ({
                name: string;
                /** @description Số tiền (đồng, số nguyên) */
                amount: number;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Số tiền (đồng, số nguyên) */
            total: number;
            /** @description Số tiền bằng chữ */
            totalInWords: string;
            method: string;
            /** Format: date-time */
            issuedAt: string;
            /** @enum {string} */
            status: "issued" | "cancelled";
            cancelled?: {
                at: string;
                by: string;
                reason: string;
            } & {
                [key: string]: unknown;
            };
            replaces?: string;
            replacedBy?: string;
            /** @description Hệ thống hóa đơn điện tử của cơ quan thuế đã nhận (accepted), đã nhận việc hủy (cancelled) hoặc từ chối (refused, với lý do) / what the tax authority's e-invoice system made of the receipt */
            einvoice?: {
                /** @enum {string} */
                status: "accepted" | "cancelled" | "refused";
                at: string;
                /** @description Mã của cơ quan thuế */
                taxAuthorityCode?: string;
                /** @description Mã tra cứu biên lai */
                lookupCode?: string;
                invoiceNo?: string;
                problem?: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        Receipts: {
            total: number;
            items: components["schemas"]["Receipt"][];
        } & {
            [key: string]: unknown;
        };
        ReceiptReplacement: {
            reason: string;
            payer: components["schemas"]["ReceiptPayer"];
        } & {
            [key: string]: unknown;
        };
        /** @description Tình trạng hồ sơ công khai — không có thông tin cá nhân */
        PublicDossierStatus: {
            code: string;
            procedureCode: string;
            procedureName: string;
            agencyName: string;
            handlingUnit: ({
                code: string;
                name: string;
            } & {
                [key: string]: unknown;
            }) | null;
            responsibleOfficial: ({
                role: string;
                title: string;
            } & {
                [key: string]: unknown;
            }) | null;
            statusCode: number;
            statusLabel: string;
            receivedAt: string;
            appointmentAt: string | null;
            processedAt: string | null;
            returnedAt: string | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Kết quả đã cấp: ai ký, khi nào, cho hồ sơ và thủ tục nào, còn hiệu lực, đã thu hồi hay đã được thay thế — không có thông tin cá nhân */
        ResultVerification: {
            verificationId: string;
            url: string;
            /** @enum {string} */
            status: "valid" | "revoked" | "replaced";
            statusLabel: string;
            title: string;
            dossierCode: string;
            procedureCode: string;
            procedureName: string;
            agency: {
                code: string;
                name: string;
            } & {
                [key: string]: unknown;
            };
            signedAt: string;
            signer?: {
                commonName: string;
                serialNumber: string;
                issuer: string;
            } & {
                [key: string]: unknown;
            };
            algorithm: string;
            sha256: string;
            revokedAt?: string;
            revocationReason?: string;
            /** @description Kết quả đính chính đã thay thế kết quả này / the corrected result that replaced this one */
            replacedBy?: {
                verificationId: string;
                url: string;
                at: string;
                reason: string;
            } & {
                [key: string]: unknown;
            };
            /** @description Kết quả mà kết quả này thay thế / the result this one replaced */
            replaces?: {
                verificationId: string;
                url: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        /** @description Đối chiếu tệp tải lên với kết quả đã cấp */
        ResultFileCheck: {
            result: components["schemas"]["ResultVerification"];
            matchesIssued: boolean;
            sha256: string;
            signature: {
                checked: boolean;
                valid: boolean;
                problems: string[];
                messages: string[];
                signer?: {
                    commonName: string;
                    serialNumber: string;
                } & {
                    [key: string]: unknown;
                };
                signedAt?: string;
            } & {
                [key: string]: unknown;
            };
            authentic: boolean;
            verdict: string;
        } & {
            [key: string]: unknown;
        };
        IssuedResult: {
            verificationId: string;
            url: string;
            /** @enum {string} */
            status: "valid" | "revoked" | "replaced";
            statusLabel: string;
            title: string;
            dossierCode: string;
            procedureCode: string;
            procedureName: string;
            agency: {
                code: string;
                name: string;
            } & {
                [key: string]: unknown;
            };
            signedAt: string;
            signer?: {
                commonName: string;
                serialNumber: string;
                issuer: string;
            } & {
                [key: string]: unknown;
            };
            algorithm: string;
            sha256: string;
            revokedAt?: string;
            revocationReason?: string;
            /** @description Kết quả đính chính đã thay thế kết quả này / the corrected result that replaced this one */
            replacedBy?: {
                verificationId: string;
                url: string;
                at: string;
                reason: string;
            } & {
                [key: string]: unknown;
            };
            /** @description Kết quả mà kết quả này thay thế / the result this one replaced */
            replaces?: {
                verificationId: string;
                url: string;
            } & {
                [key: string]: unknown;
            };
            documentId: string;
        } & {
            [key: string]: unknown;
        };
        AuditEntry: {
            seq: number;
            at: string;
            dossierCode: string | null;
            actor: string;
            action: string;
            detail: unknown;
            prevHash: string;
            hash: string;
        } & {
            [key: string]: unknown;
        };
        AuditEntries: {
            total: number;
            items: components["schemas"]["AuditEntry"][];
        } & {
            [key: string]: unknown;
        };
        AuditChainReport: ({
            /** @enum {string} */
            _tag: "Intact";
            entries: number;
            head: {
                seq: number;
                hash: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        }) | ({
            /** @enum {string} */
            _tag: "Broken";
            seq: number;
            /** @enum {string} */
            reason: "hash-mismatch" | "prev-hash-mismatch" | "sequence-gap" | "head-mismatch";
        } & {
            [key: string]: unknown;
        });
        PersonalDataReads: {
            total: number;
            items: components["schemas"]["AuditEntry"][];
        } & {
            [key: string]: unknown;
        };
        WebhookSubscribe: {
            /** @description Địa chỉ https nhận sự kiện (the receiver's https URL) */
            url: string;
            /** @description Loại sự kiện, hoặc * cho mọi loại (event types, or * for all) */
            eventTypes: ("dossier.file" | "dossier.accept" | "dossier.refuse" | "dossier.requestSupplementation" | "dossier.receiveSupplement" | "dossier.supplementationDeadlinePassed" | "dossier.requestFinancialObligation" | "dossier.paymentConfirmed" | "dossier.completeStep" | "dossier.transfer" | "dossier.approve" | "dossier.reject" | "dossier.sign" | "dossier.replaceResult" | "dossier.resultReady" | "dossier.returnResult" | "dossier.withdraw" | "dossier.stop" | "dossier.extendWithApology" | "dossier.correct" | "webhook.test" | "*")[];
            /** @description Khóa ký HMAC; bỏ trống để hệ thống tạo (the HMAC secret; made up when absent) */
            secret?: string;
        } & {
            [key: string]: unknown;
        };
        WebhookSubscription: {
            id: string;
            ownerId: string;
            agencyCodes?: string[];
            url: string;
            eventTypes: string[];
            createdAt: string;
            consecutiveFailures: number;
            disabledAt: string | null;
        } & {
            [key: string]: unknown;
        };
        WebhookCreated: {
            subscription: components["schemas"]["WebhookSubscription"];
            /** @description Chỉ hiện một lần (shown once): keep it to verify deliveries */
            secret: string;
        } & {
            [key: string]: unknown;
        };
        WebhookSubscriptions: {
            total: number;
            items: components["schemas"]["WebhookSubscription"][];
        } & {
            [key: string]: unknown;
        };
        WebhookAttempt: {
            eventId: string;
            eventType: string;
            at: string;
            ok: boolean;
            status: number | null;
            error: string | null;
            durationMs: number;
        } & {
            [key: string]: unknown;
        };
        WebhookAttempts: {
            total: number;
            items: components["schemas"]["WebhookAttempt"][];
        } & {
            [key: string]: unknown;
        };
        WebhookTestOutcome: {
            ok: boolean;
            status: number | null;
            error: string | null;
            disabled: boolean;
        } & {
            [key: string]: unknown;
        };
        PostalAddress: {
            recipientName: string;
            /** @description Số điện thoại người nhận */
            phone: string;
            /** @description Số nhà, đường, thôn, tổ… (street address) */
            line: string;
            unitCode?: string;
            provinceCode: string;
        } & {
            [key: string]: unknown;
        };
        PostalOrderRequest: {
            /**
             * @description pickup: thu gom hồ sơ tại nhà; delivery: chuyển trả kết quả tại nhà
             * @enum {string}
             */
            kind: "pickup" | "delivery";
            address: components["schemas"]["PostalAddress"];
            weightGrams?: number;
        } & {
            [key: string]: unknown;
        };
        PostalOrder: {
            id: string;
            dossierCode: string;
            kind: string;
            address: components["schemas"]["PostalAddress"];
            /** @description Cước bưu chính (đồng): khoản riêng, ngoài phí, lệ phí của thủ tục */
            charge: number;
            chargeBasis: string;
            /** @enum {string} */
            status: "created" | "accepted" | "picked-up" | "in-transit" | "delivered" | "failed" | "returned";
            trackingNumber: string | null;
            createdAt: string;
            updates: unknown[];
            handover?: {
                receivedBy: string;
                at: string;
            } & {
                [key: string]: unknown;
            };
            failure?: {
                reason: string;
                at: string;
            } & {
                [key: string]: unknown;
            };
        } & {
            [key: string]: unknown;
        };
        PostalOrders: {
            total: number;
            items: components["schemas"]["PostalOrder"][];
        } & {
            [key: string]: unknown;
        };
        PostalTrackingCallback: {
            trackingNumber: string;
            updateId: string;
            status: string;
            at: string;
            receivedBy?: string;
            reason?: string;
        } & {
            [key: string]: unknown;
        };
        NotificationDelivery: {
            notificationId: string;
            channel: string;
            dossierCode: string;
            about: string;
            /**
             * @description sent: đã gửi; delivered: đã đến người nhận; retrying: lỗi tạm thời, sẽ gửi lại; failed: không gửi được
             * @enum {string}
             */
            status: "sent" | "delivered" | "retrying" | "failed";
            reason?: string;
            messageId?: string;
            attempts: number;
            updatedAt: string;
        } & {
            [key: string]: unknown;
        };
        NotificationDeliveries: {
            total: number;
            items: components["schemas"]["NotificationDelivery"][];
        } & {
            [key: string]: unknown;
        };
        NotificationChannels: {
            channels: ("sms" | "zalo" | "email" | "portal")[];
        } & {
            [key: string]: unknown;
        };
        DeliveryReport: {
            messageId: string;
            /** @enum {string} */
            status: "delivered" | "failed";
            reason?: string;
        } & {
            [key: string]: unknown;
        };
        OutboxRow: {
            id: number;
            topic: string;
            dossierCode: string | null;
            /** @enum {string} */
            status: "pending" | "claimed" | "done" | "dead";
            attempts: number;
            lastError: string | null;
            createdAt: string;
            availableAt: string;
            completedAt: string | null;
            claimedBy: string | null;
            orderingKey: string | null;
        } & {
            [key: string]: unknown;
        };
        OutboxBacklog: {
            lagMs: number;
            oldestDueAt: string | null;
            pending: number;
            claimed: number;
            dead: number;
        } & {
            [key: string]: unknown;
        };
        OutboxListing: {
            total: number;
            items: components["schemas"]["OutboxRow"][];
            backlog: components["schemas"]["OutboxBacklog"];
        } & {
            [key: string]: unknown;
        };
        /** @description Các hàng cần gửi lại, hoặc mọi hàng đã bỏ cuộc (ids, or all dead) */
        OutboxRetry: ({
            ids: number[];
        } & {
            [key: string]: unknown;
        }) | ({
            /** @enum {boolean} */
            allDead: true;
        } & {
            [key: string]: unknown;
        });
        OutboxRetried: {
            retried: number[];
        } & {
            [key: string]: unknown;
        };
        ReportCount: {
            key: string;
            label: string;
            count: number;
        } & {
            [key: string]: unknown;
        };
        ReportGroupRow: {
            /** @description Mã đơn vị (tinh: cấp tỉnh) hoặc mã lĩnh vực */
            key: string;
            label: string;
            count: number;
            /** @description Hồ sơ tiếp nhận */
            received: number;
            /** @description Hồ sơ đã giải quyết (kết thúc xử lý) */
            resolved: number;
            /** @description Giải quyết trước hạn */
            early: number;
            /** @description Giải quyết đúng hạn */
            onTime: number;
            /** @description Giải quyết quá hạn */
            late: number;
            /** @description Đang giải quyết */
            pending: number;
            /** @description Không tính (từ chối tiếp nhận, rút hồ sơ) */
            notCounted: number;
            /** @description Tỷ lệ đúng hạn (trước hạn + đúng hạn) / đã giải quyết; null khi chưa có hồ sơ giải quyết xong */
            onTimeRate: number | null;
        } & {
            [key: string]: unknown;
        };
        ReportMonthRow: {
            /** @description Tháng tiếp nhận, YYYY-MM */
            month: string;
            received: number;
            resolved: number;
            /** @description Giải quyết trước hạn */
            early: number;
            /** @description Giải quyết đúng hạn */
            onTime: number;
            /** @description Giải quyết quá hạn */
            late: number;
            /** @description Đang giải quyết */
            pending: number;
            /** @description Không tính (từ chối tiếp nhận, rút hồ sơ) */
            notCounted: number;
            /** @description Tỷ lệ đúng hạn (trước hạn + đúng hạn) / đã giải quyết; null khi chưa có hồ sơ giải quyết xong */
            onTimeRate: number | null;
        } & {
            [key: string]: unknown;
        };
        ReportTimeliness: {
            /** @description Giải quyết trước hạn */
            early: number;
            /** @description Giải quyết đúng hạn */
            onTime: number;
            /** @description Giải quyết quá hạn */
            late: number;
            /** @description Đang giải quyết */
            pending: number;
            /** @description Không tính (từ chối tiếp nhận, rút hồ sơ) */
            notCounted: number;
            /** @description Tỷ lệ đúng hạn (trước hạn + đúng hạn) / đã giải quyết; null khi chưa có hồ sơ giải quyết xong */
            onTimeRate: number | null;
        } & {
            [key: string]: unknown;
        };
        /** @description Hồ sơ tiếp nhận, đã giải quyết, đúng hạn theo đơn vị, lĩnh vực và tháng (received, resolved, on time per unit, field and month), trong phạm vi của người gọi */
        DossierReport: {
            from: string | null;
            to: string | null;
            total: number;
            byStatus: components["schemas"]["ReportCount"][];
            byUnit: components["schemas"]["ReportGroupRow"][];
            byField: components["schemas"]["ReportGroupRow"][];
            byMonth: components["schemas"]["ReportMonthRow"][];
            timeliness: components["schemas"]["ReportTimeliness"];
        } & {
            [key: string]: unknown;
        };
        IndicatorScore: {
            /** @enum {string} */
            id: "1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "3.1" | "3.2" | "3.3" | "3.5" | "3.5b" | "3.6" | "4.1" | "4.2" | "4.3" | "4.4" | "4.5a" | "4.5b" | "4.6" | "5.1" | "5.2" | "5.3" | "5.4";
            /** @description Tên chỉ số (what it counts, Vietnamese) */
            name: string;
            /** @description The indicator's numerator / denominator, in English */
            nameEn: string;
            /** @enum {string} */
            group: "transparency" | "progress" | "online" | "payment" | "digitisation" | "satisfaction";
            numerator: number;
            denominator: number;
            ratio: number | null;
            score: number;
            max: number;
            threshold?: number;
            tracked: boolean;
            /** @enum {string} */
            basis: "counts" | "no-denominator" | "previous-year";
        } & {
            [key: string]: unknown;
        };
        Index766: {
            rules: string;
            groups: ({
                /** @enum {string} */
                id: "transparency" | "progress" | "online" | "payment" | "digitisation" | "satisfaction";
                name: string;
                nameEn: string;
                max: number;
                score: number;
                indicators: components["schemas"]["IndicatorScore"][];
                missing: ("1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "3.1" | "3.2" | "3.3" | "3.5" | "3.5b" | "3.6" | "4.1" | "4.2" | "4.3" | "4.4" | "4.5a" | "4.5b" | "4.6" | "5.1" | "5.2" | "5.3" | "5.4")[];
            } & {
                [key: string]: unknown;
            })[];
            total: number;
            max: number;
            missing: ("1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "3.1" | "3.2" | "3.3" | "3.5" | "3.5b" | "3.6" | "4.1" | "4.2" | "4.3" | "4.4" | "4.5a" | "4.5b" | "4.6" | "5.1" | "5.2" | "5.3" | "5.4")[];
        } & {
            [key: string]: unknown;
        };
        ScopeIndex: {
            key: string;
            code: string;
            name: string;
            index: components["schemas"]["Index766"];
        } & {
            [key: string]: unknown;
        };
        IndexReport: {
            period: {
                /** @enum {string} */
                kind: "month" | "quarter" | "year";
                label: string;
                year: number;
                from: string;
                to: string;
                /** Format: date-time */
                startInstant: string;
                /** Format: date-time */
                endInstant: string;
                /** @enum {number} */
                periodsPerYear: 12 | 4 | 1;
            } & {
                [key: string]: unknown;
            };
            rules: string;
            /** Format: date-time */
            generatedAt: string;
            total: components["schemas"]["ScopeIndex"];
            units: components["schemas"]["ScopeIndex"][];
            notHeld: ({
                /** @enum {string} */
                id: "1.1" | "1.2" | "1.3" | "1.4" | "2.1" | "2.2" | "3.1" | "3.2" | "3.3" | "3.5" | "3.5b" | "3.6" | "4.1" | "4.2" | "4.3" | "4.4" | "4.5a" | "4.5b" | "4.6" | "5.1" | "5.2" | "5.3" | "5.4";
                reason: string;
            } & {
                [key: string]: unknown;
            })[];
            unreadable: string[];
        } & {
            [key: string]: unknown;
        };
        DrilledDossier: {
            code: string;
            agencyCode: string;
            unitCode: string | null;
            procedureCode: string;
            channel: string;
            /** Format: date-time */
            receivedAt: string;
            appointmentAt: string | null;
            endedAt: string | null;
        } & {
            [key: string]: unknown;
        };
        DrilledDossiers: {
            total: number;
            items: components["schemas"]["DrilledDossier"][];
        } & {
            [key: string]: unknown;
        };
        DossierRating: {
            dossierCode: string;
            raterId: string;
            /** Format: date-time */
            at: string;
            access: number;
            procedure: number;
            officer: number;
            result: number;
            liked: boolean;
            comment?: string;
        } & {
            [key: string]: unknown;
        };
        DossierRatingAnswer: {
            rating: components["schemas"]["DossierRating"] | null;
        } & {
            [key: string]: unknown;
        };
        Petition: {
            id: string;
            /** Format: date-time */
            sentAt: string;
            sender: {
                id: string;
                name: string;
            } & {
                [key: string]: unknown;
            };
            dossierCode?: string;
            procedureCode?: string;
            agencyCode: string;
            unitCode?: string;
            content: string;
            rePetitionOf?: string;
            /** @enum {string} */
            status: "received" | "classified" | "awaiting-supplement" | "answered" | "published" | "refused";
            /** @enum {string} */
            kind?: "feedback" | "recommendation";
            /** @enum {string} */
            topic?: "conduct" | "delay" | "procedure" | "fees" | "regulation" | "other";
            classified?: {
                /** Format: date-time */
                at: string;
                by: {
                    id: string;
                    role: string;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
            refusal?: {
                /** Format: date-time */
                at: string;
                by: {
                    id: string;
                    role: string;
                } & {
                    [key: string]: unknown;
                };
                reason: string;
            } & {
                [key: string]: unknown;
            };
            supplementation?: {
                /** Format: date-time */
                requestedAt: string;
                by: {
                    id: string;
                    role: string;
                } & {
                    [key: string]: unknown;
                };
                what: string;
                /** Format: date-time */
                receivedAt?: string;
                addition?: string;
            } & {
                [key: string]: unknown;
            };
            answer?: {
                /** Format: date-time */
                at: string;
                by: {
                    id: string;
                    role: string;
                } & {
                    [key: string]: unknown;
                };
                text: string;
            } & {
                [key: string]: unknown;
            };
            published?: {
                /** Format: date-time */
                at: string;
                by: {
                    id: string;
                    role: string;
                } & {
                    [key: string]: unknown;
                };
            } & {
                [key: string]: unknown;
            };
            rating?: {
                /** Format: date-time */
                at: string;
                satisfied: boolean;
            } & {
                [key: string]: unknown;
            };
            rePetitioned: boolean;
            due: {
                /** Format: date-time */
                handling: string;
                /** Format: date-time */
                refusal: string;
                /** Format: date-time */
                supplementationRequest: string;
                /** Format: date-time */
                publication?: string;
            } & {
                [key: string]: unknown;
            };
            /** Format: date-time */
            lastEventAt: string;
        } & {
            [key: string]: unknown;
        };
        StoredPetition: {
            petition: components["schemas"]["Petition"];
            version: number;
        } & {
            [key: string]: unknown;
        };
        Petitions: {
            total: number;
            items: components["schemas"]["StoredPetition"][];
        } & {
            [key: string]: unknown;
        };
        PublishedPetition: {
            id: string;
            /** Format: date-time */
            sentAt: string;
            procedureCode?: string;
            agencyCode: string;
            /** @enum {string} */
            kind?: "feedback" | "recommendation";
            /** @enum {string} */
            topic?: "conduct" | "delay" | "procedure" | "fees" | "regulation" | "other";
            content: string;
            answer: string;
            /** Format: date-time */
            answeredAt: string;
            /** Format: date-time */
            publishedAt: string;
        } & {
            [key: string]: unknown;
        };
        PublishedPetitions: {
            total: number;
            items: components["schemas"]["PublishedPetition"][];
        } & {
            [key: string]: unknown;
        };
        SlaNotice: {
            dossierCode: string;
            /** @enum {string} */
            subject: "dossier" | "step";
            stepId: string | null;
            /** @enum {string} */
            threshold: "due-soon" | "overdue";
            /** Format: date-time */
            dueAt: string;
            /** Format: date-time */
            at: string;
            role: string;
            assigneeId: string | null;
            agencyCode: string;
            unitCode: string | null;
        } & {
            [key: string]: unknown;
        };
        SlaNotices: {
            total: number;
            items: components["schemas"]["SlaNotice"][];
        } & {
            [key: string]: unknown;
        };
        OverdueDossier: {
            code: string;
            agencyCode: string;
            unitCode: string | null;
            procedureCode: string;
            /** Format: date-time */
            appointmentAt: string;
            /** Format: date-time */
            noticedAt: string;
            statusCode: number;
        } & {
            [key: string]: unknown;
        };
        OverdueDossiers: {
            total: number;
            items: components["schemas"]["OverdueDossier"][];
        } & {
            [key: string]: unknown;
        };
        Health: {
            /** @enum {string} */
            status: "ok";
        } & {
            [key: string]: unknown;
        };
        Readiness: {
            /** @enum {string} */
            status: "ready";
            procedures: number;
            units: number;
            checks: ({
                name: string;
                ok: boolean;
            } & {
                [key: string]: unknown;
            })[];
            /** @description Hàng đợi gửi đi (the outbox relay's backlog); null without a database */
            relay: ({
                /** @description Độ trễ: hàng chờ lâu nhất đã đến hạn mà chưa gửi (how long the oldest due row has waited) */
                lagMs: number;
                oldestDueAt: string | null;
                pending: number;
                claimed: number;
                /** @description Hàng đã bỏ cuộc, chờ người vận hành (rows given up on, waiting for an operator) */
                dead: number;
            } & {
                [key: string]: unknown;
            }) | null;
        } & {
            [key: string]: unknown;
        };
    };
    responses: {
        /** @description Dữ liệu yêu cầu không hợp lệ (Invalid request input) */
        "invalid-input": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Chưa xác thực (Not authenticated) */
        unauthenticated: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Không có quyền thực hiện (Forbidden) */
        forbidden: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Không tìm thấy (Not found) */
        "not-found": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Hồ sơ đã thay đổi, vui lòng tải lại (Conflict: the resource changed since it was read) */
        conflict: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Nội dung yêu cầu quá lớn (Payload too large) */
        "payload-too-large": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Kiểu nội dung không được hỗ trợ (Unsupported media type) */
        "unsupported-media-type": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Yêu cầu không thể xử lý theo quy định của thủ tục (The request cannot be processed under the procedure's rules) */
        unprocessable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Quá nhiều lần thử, vui lòng thử lại sau (Too many attempts: try again later) */
        "too-many-requests": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Dịch vụ tạm thời không khả dụng (Service unavailable) */
        unavailable: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Dịch vụ chưa sẵn sàng (Service not ready) */
        "not-ready": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
        /** @description Lỗi hệ thống (Internal server error) */
        internal: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/problem+json": components["schemas"]["Problem"];
            };
        };
    };
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export interface operations {
    searchProcedures: {
        parameters: {
            query?: {
                /** @description Từ khóa trong tên hoặc mã, không phân biệt dấu */
                q?: string;
                /** @description Mã lĩnh vực */
                field?: string;
                level?: "province" | "commune";
                /** @description Mã cơ quan hoặc loại cơ quan có thẩm quyền */
                authority?: string;
                on?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các thủ tục phù hợp */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureSearchResult"];
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
        };
    };
    getProcedure: {
        parameters: {
            query?: {
                on?: string;
            };
            header?: never;
            path: {
                /** @description Mã thủ tục quốc gia, vd. 1.004222 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Phiên bản có hiệu lực */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Procedure"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    listProcedureVersions: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã thủ tục quốc gia, vd. 1.004222 */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các phiên bản */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ProcedureVersions"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    listUnits: {
        parameters: {
            query?: {
                kind?: "ward" | "commune" | "special-zone";
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các đơn vị */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitList"];
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
        };
    };
    getUnit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã đơn vị hành chính cấp xã (5 chữ số) */
                code: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đơn vị */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["UnitDetail"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    listIntakePoints: {
        parameters: {
            query?: {
                kind?: "provincial-centre" | "commune-centre" | "post-office";
                /** @description Mã đơn vị hành chính cấp xã (5 chữ số) */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các điểm tiếp nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakePointList"];
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
        };
    };
    listAgencies: {
        parameters: {
            query?: {
                level?: "province" | "commune";
                kind?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các cơ quan */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgencyList"];
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
        };
    };
    quoteFees: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["FeeQuoteRequest"];
            };
        };
        responses: {
            /** @description Bảng phí, lệ phí */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["FeeQuote"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    askAssistant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AssistantQuestion"];
            };
        };
        responses: {
            /** @description Câu trả lời có cấu trúc */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AssistantAnswer"];
                };
            };
            400: components["responses"]["invalid-input"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            429: components["responses"]["too-many-requests"];
            500: components["responses"]["internal"];
        };
    };
    currentPrincipal: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tài khoản */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Principal"];
                };
            };
            401: components["responses"]["unauthenticated"];
            500: components["responses"]["internal"];
        };
    };
    signIn: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignIn"];
            };
        };
        responses: {
            /** @description Đã đăng nhập */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Session"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            429: components["responses"]["too-many-requests"];
            500: components["responses"]["internal"];
        };
    };
    signOut: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã đăng xuất */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        signedOut: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    signInOptions: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các cách đăng nhập */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SignInOptions"];
                };
            };
            500: components["responses"]["internal"];
        };
    };
    startEidSignIn: {
        parameters: {
            query?: {
                returnTo?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Chuyển hướng (302) tới trang đăng nhập VNeID */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    completeEidSignIn: {
        parameters: {
            query?: {
                code?: string;
                state?: string;
                error?: string;
                error_description?: string;
                iss?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Chuyển hướng (302) về trang đã mở, đã đăng nhập */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    issueAgentPairing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Mã ghép nối */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentPairing"];
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    redeemAgentPairing: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AgentPairingRedeem"];
            };
        };
        responses: {
            /** @description Phiên của phần mềm thiết bị */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AgentSession"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            500: components["responses"]["internal"];
        };
    };
    readIdCard: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["IdCardText"];
            };
        };
        responses: {
            /** @description Thông tin trên thẻ */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IdCardRead"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    listWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Số định danh cá nhân */
                ownerId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Giấy tờ trong kho */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Wallet"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    walletDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Số định danh cá nhân */
                ownerId: string;
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Giấy tờ */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    saveToWallet: {
        parameters: {
            query: {
                documentType: string;
                name: string;
                validFrom?: string;
                validUntil?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description Đã lưu vào kho */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WalletEntry"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    deleteFromWallet: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                entryId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã xóa */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        deleted: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    lookUpApplicant: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PopulationLookup"];
            };
        };
        responses: {
            /** @description Kết quả tra cứu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PopulationLookupResult"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    myDossiers: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hồ sơ của tôi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["MyDossiers"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    fileDossier: {
        parameters: {
            query?: never;
            header: {
                /** @description Khóa chống lặp: gửi lại cùng khóa và cùng nội dung nhận lại kết quả đầu tiên; cùng khóa, nội dung khác → 422. */
                "Idempotency-Key": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["Filing"];
            };
        };
        responses: {
            /** @description Hồ sơ đã nộp */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    getDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hồ sơ */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierDetail"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    dossierDocument: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tài liệu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/octet-stream": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    dossierPapers: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Giấy tờ số hóa */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierPapers"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    digitisePaper: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DigitisePaperRequest"];
            };
        };
        responses: {
            /** @description Giấy tờ đã ghi nhận */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DigitisedPaperRecorded"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    dossierDocumentPreview: {
        parameters: {
            query?: {
                page?: string;
            };
            header?: never;
            path: {
                code: string & unknown;
                documentId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trang tài liệu dạng ảnh */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": unknown;
                    "image/jpeg": string;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    acceptDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["AcceptDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    refuseDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefuseDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    requestSupplementation: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestSupplementationRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    receiveSupplement: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiveSupplementRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    requestPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RequestPaymentRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    confirmPayment: {
        parameters: {
            query?: never;
            header: {
                /** @description Khóa chống lặp: gửi lại cùng khóa và cùng nội dung nhận lại kết quả đầu tiên; cùng khóa, nội dung khác → 422. */
                "Idempotency-Key": string;
            };
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ConfirmPaymentRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    completeStep: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CompleteStepRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    transferDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    approveDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ApproveDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    rejectDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RejectDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    signResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["SignResultRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    replaceResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReplaceResultRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    markResultReady: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["MarkResultReadyRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    returnResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReturnResultRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    withdrawDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WithdrawDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    stopDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["StopDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    extendWithApology: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ExtendWithApologyRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    correctDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["CorrectDossierRequest"];
            };
        };
        responses: {
            /** @description Hồ sơ sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    dossierForms: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Biểu mẫu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierForms"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    dossierFormPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
                /** @description Biểu mẫu (form), e.g. receipt */
                form: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Biểu mẫu (PDF) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    intakePointDossiers: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path: {
                intakePointId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hồ sơ của điểm tiếp nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IntakePointDossiers"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    workQueue: {
        parameters: {
            query: {
                role: "citizen" | "counter-officer" | "specialist" | "unit-leader" | "authority-leader" | "clerk" | "inter-agency" | "post-office-agent" | "centre-admin" | "province-admin" | "auditor" | "integration-client";
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hàng đợi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WorkQueue"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    uploadDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description Tài liệu đã lưu (chưa gắn hồ sơ) */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DocumentMeta"];
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    paymentCallback: {
        parameters: {
            query?: never;
            header?: {
                /** @description Khóa chống lặp: gửi lại cùng khóa và cùng nội dung nhận lại kết quả đầu tiên; cùng khóa, nội dung khác → 422. */
                "Idempotency-Key"?: string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentCallback"];
            };
        };
        responses: {
            /** @description Hồ sơ sau xác nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierView"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    paymentRequestsOfDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các yêu cầu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentRequests"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    openPaymentRequest: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PaymentRequestAsked"];
            };
        };
        responses: {
            /** @description Yêu cầu thanh toán */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentRequest"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    paymentRequestQr: {
        parameters: {
            query?: {
                format?: "png" | "svg";
            };
            header?: never;
            path: {
                code: string & unknown;
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Ảnh mã QR */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "image/png": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    vietqrTransferNotice: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["TransferNotice"];
            };
        };
        responses: {
            /** @description Đã nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PaymentNoticeOutcome"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    gatewayNotice: {
        parameters: {
            query?: {
                vnp_Amount?: string;
                vnp_BankCode?: string;
                vnp_BankTranNo?: string;
                vnp_CardType?: string;
                vnp_OrderInfo?: string;
                vnp_PayDate?: string;
                vnp_ResponseCode?: string;
                vnp_TmnCode?: string;
                vnp_TransactionNo?: string;
                vnp_TransactionStatus?: string;
                vnp_TxnRef?: string;
                vnp_SecureHash?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["GatewayNoticeAnswer"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            409: components["responses"]["conflict"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    gatewayReturn: {
        parameters: {
            query?: {
                vnp_Amount?: string;
                vnp_BankCode?: string;
                vnp_BankTranNo?: string;
                vnp_CardType?: string;
                vnp_OrderInfo?: string;
                vnp_PayDate?: string;
                vnp_ResponseCode?: string;
                vnp_TmnCode?: string;
                vnp_TransactionNo?: string;
                vnp_TransactionStatus?: string;
                vnp_TxnRef?: string;
                vnp_SecureHash?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Trang kết quả (HTML) */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    heldPayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã trung tâm phục vụ hành chính công (điểm tiếp nhận), ví dụ ttphcc-06685 */
                centreId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các khoản */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["HeldPayments"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    resolveHeldPayment: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["HeldPaymentResolution"];
            };
        };
        responses: {
            /** @description Đã xử lý */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        resolution: {
                            action: string;
                            by: string;
                            at: string;
                            note: string;
                        } & {
                            [key: string]: unknown;
                        };
                        receiptId?: string;
                        refund?: components["schemas"]["Refund"];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    reconcilePayments: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã trung tâm phục vụ hành chính công (điểm tiếp nhận), ví dụ ttphcc-06685 */
                centreId: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReconciliationRequest"];
            };
        };
        responses: {
            /** @description Kết quả đối chiếu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ReconciliationReport"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    refundsOfDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các khoản hoàn trả */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refunds"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    requestRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundAsked"];
            };
        };
        responses: {
            /** @description Đề nghị hoàn trả */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    refundsOfCentre: {
        parameters: {
            query?: {
                status?: "requested" | "approved" | "rejected";
            };
            header?: never;
            path: {
                /** @description Mã trung tâm phục vụ hành chính công (điểm tiếp nhận), ví dụ ttphcc-06685 */
                centreId: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các khoản hoàn trả */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refunds"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    decideRefund: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundDecision"];
            };
        };
        responses: {
            /** @description Khoản hoàn trả sau quyết định */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    recordRefundPayout: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["RefundPayoutRecord"];
            };
        };
        responses: {
            /** @description Khoản hoàn trả đã chi trả */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Refund"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    receiptsOfDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các biên lai */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipts"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    receipt: {
        parameters: {
            query?: {
                format?: "json" | "pdf";
            };
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Biên lai */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Receipt"];
                    "application/pdf": string;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    replaceReceipt: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["ReceiptReplacement"];
            };
        };
        responses: {
            /** @description Biên lai đã hủy và biên lai thay thế */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        cancelled: components["schemas"]["Receipt"];
                        replacement: components["schemas"]["Receipt"];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            415: components["responses"]["unsupported-media-type"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    publicLookup: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Tình trạng hồ sơ */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublicDossierStatus"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    verifyResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã xác thực in trong mã QR của kết quả (16 ký tự) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Kết quả đã cấp */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultVerification"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    checkResultFile: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã xác thực in trong mã QR của kết quả (16 ký tự) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/pdf": string;
                "image/jpeg": string;
                "image/png": string;
            };
        };
        responses: {
            /** @description Kết quả đối chiếu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultFileCheck"];
                };
            };
            400: components["responses"]["invalid-input"];
            404: components["responses"]["not-found"];
            413: components["responses"]["payload-too-large"];
            415: components["responses"]["unsupported-media-type"];
            500: components["responses"]["internal"];
        };
    };
    dossierResults: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Kết quả đã ký */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        items: components["schemas"]["IssuedResult"][];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    resultPdf: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã xác thực in trong mã QR của kết quả (16 ký tự) */
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description PDF đã ký */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/pdf": unknown;
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    revokeResult: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                /** @description Mã xác thực in trong mã QR của kết quả (16 ký tự) */
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    reason: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Kết quả sau khi thu hồi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["ResultVerification"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    dossierAudit: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Nhật ký */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditEntries"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    verifyAuditChain: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Kết quả kiểm tra */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["AuditChainReport"];
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    personalDataReads: {
        parameters: {
            query?: {
                actor?: string;
                dossier?: string & unknown;
                after?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Lượt truy cập */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PersonalDataReads"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    listWebhooks: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Danh sách */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscriptions"];
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    subscribeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookSubscribe"];
            };
        };
        responses: {
            /** @description Đã đăng ký */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookCreated"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    removeWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã hủy */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        removed: boolean;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    enableWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã bật */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookSubscription"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    webhookAttempts: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các lần gửi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookAttempts"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    testWebhook: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Kết quả gửi thử */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["WebhookTestOutcome"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    postalOrdersOfDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các đơn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostalOrders"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    requestPostalOrder: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostalOrderRequest"];
            };
        };
        responses: {
            /** @description Đơn bưu chính */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PostalOrder"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    postalCallback: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["PostalTrackingCallback"];
            };
        };
        responses: {
            /** @description Đã ghi nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": {
                        orderId: string;
                        status: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
            503: components["responses"]["unavailable"];
        };
    };
    notificationsOfDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các thông báo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDeliveries"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    myNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các kênh */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannels"];
                };
            };
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    setMyNotificationChannels: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["NotificationChannels"];
            };
        };
        responses: {
            /** @description Các kênh đã lưu */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationChannels"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    notificationDeliveryReport: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["DeliveryReport"];
            };
        };
        responses: {
            /** @description Đã ghi nhận */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["NotificationDelivery"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    listOutbox: {
        parameters: {
            query?: {
                status?: "pending" | "claimed" | "done" | "dead";
                topic?: string;
                dossierCode?: string;
                after?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Các hàng */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxListing"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    retryOutbox: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["OutboxRetry"];
            };
        };
        responses: {
            /** @description Đã đưa lại vào hàng đợi */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OutboxRetried"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    dossierReport: {
        parameters: {
            query?: {
                /** @description Ngày tiếp nhận (giờ Việt Nam), YYYY-MM-DD */
                from?: string;
                /** @description Ngày tiếp nhận (giờ Việt Nam), YYYY-MM-DD */
                to?: string;
                unitCode?: string;
                fieldCode?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Báo cáo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierReport"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    indexReport: {
        parameters: {
            query: {
                /** @description Kỳ báo cáo: tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY (a month, a quarter or a year) */
                period: string;
                /** @description Mã đơn vị cấp xã (5 chữ số) hoặc mã cơ quan cấp tỉnh (a commune-level unit or a province-level authority) */
                unit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Báo cáo chỉ số */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["IndexReport"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    indexReportDossiers: {
        parameters: {
            query: {
                /** @description Kỳ báo cáo: tháng YYYY-MM, quý YYYY-Qn hoặc năm YYYY (a month, a quarter or a year) */
                period: string;
                which: "late" | "unsynced" | "not-online" | "not-digitised" | "no-electronic-result" | "not-paid-online" | "complained";
                /** @description Mã đơn vị cấp xã (5 chữ số) hoặc mã cơ quan cấp tỉnh (a commune-level unit or a province-level authority) */
                unit?: string;
                after?: string & unknown;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hồ sơ */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DrilledDossiers"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    dossierRating: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đánh giá */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierRatingAnswer"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    rateDossier: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                code: string & unknown;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    access: number;
                    procedure: number;
                    officer: number;
                    result: number;
                    liked: boolean;
                    comment?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Đã ghi nhận đánh giá */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["DossierRating"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    listPetitions: {
        parameters: {
            query?: {
                status?: "received" | "classified" | "awaiting-supplement" | "answered" | "published" | "refused";
                before?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Phản ánh, kiến nghị */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Petitions"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    sendPetition: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    dossierCode?: string & unknown;
                    procedureCode?: string;
                    unitCode?: string;
                    content: string;
                    rePetitionOf?: string;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Đã tiếp nhận phản ánh, kiến nghị */
            201: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPetition"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    publishedPetitions: {
        parameters: {
            query?: {
                agencyCode?: string;
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đã công khai */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["PublishedPetitions"];
                };
            };
            400: components["responses"]["invalid-input"];
            500: components["responses"]["internal"];
        };
    };
    getPetition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Phản ánh, kiến nghị */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPetition"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            500: components["responses"]["internal"];
        };
    };
    actOnPetition: {
        parameters: {
            query?: never;
            header?: never;
            path: {
                id: string;
            };
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": {
                    event: ({
                        /** @enum {string} */
                        type: "classify";
                        /** @enum {string} */
                        kind: "feedback" | "recommendation";
                        /** @enum {string} */
                        topic: "conduct" | "delay" | "procedure" | "fees" | "regulation" | "other";
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "refuse";
                        reason: string;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "requestSupplement";
                        what: string;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "supplementReceived";
                        addition: string;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "answer";
                        text: string;
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "publish";
                    } & {
                        [key: string]: unknown;
                    }) | ({
                        /** @enum {string} */
                        type: "rate";
                        satisfied: boolean;
                    } & {
                        [key: string]: unknown;
                    });
                    expectedVersion?: number;
                } & {
                    [key: string]: unknown;
                };
            };
        };
        responses: {
            /** @description Phản ánh, kiến nghị sau thao tác */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["StoredPetition"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            404: components["responses"]["not-found"];
            409: components["responses"]["conflict"];
            422: components["responses"]["unprocessable"];
            500: components["responses"]["internal"];
        };
    };
    slaNotices: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Cảnh báo */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["SlaNotices"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    overdueWithoutApology: {
        parameters: {
            query?: {
                limit?: string;
            };
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Hồ sơ quá hạn */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["OverdueDossiers"];
                };
            };
            400: components["responses"]["invalid-input"];
            401: components["responses"]["unauthenticated"];
            403: components["responses"]["forbidden"];
            500: components["responses"]["internal"];
        };
    };
    health: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Đang hoạt động */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Health"];
                };
            };
            500: components["responses"]["internal"];
        };
    };
    readiness: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description Sẵn sàng */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": components["schemas"]["Readiness"];
                };
            };
            500: components["responses"]["internal"];
            503: components["responses"]["not-ready"];
        };
    };
    openApiDocument: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description OpenAPI 3.1 */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "application/json": unknown;
                };
            };
            500: components["responses"]["internal"];
        };
    };
    apiReference: {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        requestBody?: never;
        responses: {
            /** @description HTML */
            200: {
                headers: {
                    [name: string]: unknown;
                };
                content: {
                    "text/html": unknown;
                };
            };
            500: components["responses"]["internal"];
        };
    };
    dossierEvent: {
        parameters: {
            query?: never;
            header: {
                /** @description t=<unix seconds>,v1=<hex HMAC-SHA256 over t.body> */
                "Motcua-Signature": string;
                "Motcua-Event-Id": string;
            };
            path?: never;
            cookie?: never;
        };
        requestBody: {
            content: {
                "application/json": components["schemas"]["WebhookEvent"];
            };
        };
        responses: {
            /** @description Đã nhận (received); anything else is retried */
            "2XX": {
                headers: {
                    [name: string]: unknown;
                };
                content?: never;
            };
        };
    };
}
