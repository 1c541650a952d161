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
         * @description Files a dossier: online by the citizen (no intakePointId), or at an intake point's counter by its officer (intakePointId). The competent authority is resolved and the code allocated from its daily sequence. Fee amounts are quoted from the catalogue for the filing's channel, variant and fee facts (applicantCategories, quantities, declaredValue, area; a missing one is 422 with its field); a body with its own amounts (fees) is refused with 422. Idempotent by the Idempotency-Key header: a retry gets the first answer.
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
         * @description The counter officer accepts the dossier as complete and valid (status 2). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → accepted. Người được gửi (who may send it): counter-officer (intake).
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
         * @description The holder of the current step asks for missing documents (status 5); the clock pauses. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): accepted → awaitingSupplement; working → awaitingSupplement. Người được gửi (who may send it): người giữ bước hiện tại (the holder of the current step, any role).
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
         * @description The supplement arrives (online from the applicant, or at the counter): back to processing. Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): awaitingSupplement → working. Người được gửi (who may send it): citizen (applicant), counter-officer (intake), post-office-agent (intake-point).
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
         * @description A payment recorded at the counter (cash) by an officer; idempotent by the Idempotency-Key. An integration client (API key) gets 403 here: systems confirm payments only with the gateway's signed callback (POST /api/v1/payments/callback). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → filed; accepted → accepted; working → working; awaitingSupplement → awaitingSupplement; awaitingPayment → working / awaitingPayment. Người được gửi (who may send it): system, counter-officer (intake).
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
         * @description The applicant withdraws the dossier (status 7). Requires expectedVersion, the version the caller last read (GET /api/v1/dossiers/{code}): without it 400, a stale one 409 and nothing is written. Trạng thái nhận thao tác (states that take it): filed → withdrawn; accepted → withdrawn; working → withdrawn; awaitingSupplement → withdrawn; awaitingPayment → withdrawn. Người được gửi (who may send it): citizen (applicant), counter-officer (intake).
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
    "/api/v1/work-queue": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /**
         * Hồ sơ chờ xử lý theo vai trò, hạn sớm nhất trước
         * @description The dossiers waiting for one of the caller's roles within its scope, earliest due first.
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
         * Cổng thanh toán báo đã thanh toán (hệ thống tích hợp, khóa API)
         * @description The payment gateway's 'paid' callback, relayed by an integration client with an API key. Verified by the PaymentGateway port; confirmed once per gateway payment id; an Idempotency-Key is honoured when sent.
         */
        post: operations["paymentCallback"];
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
         * @description What the QR code on a signed result stands for: the title, dossier, procedure, authority, who signed and when, and whether it is valid or revoked. Nothing personal.
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
         * @description Readiness: the catalogue and jurisdiction data are loaded and every dependency answers.
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
            type: "dossier.file" | "dossier.accept" | "dossier.refuse" | "dossier.requestSupplementation" | "dossier.receiveSupplement" | "dossier.supplementationDeadlinePassed" | "dossier.requestFinancialObligation" | "dossier.paymentConfirmed" | "dossier.completeStep" | "dossier.transfer" | "dossier.approve" | "dossier.reject" | "dossier.sign" | "dossier.resultReady" | "dossier.returnResult" | "dossier.withdraw" | "dossier.stop" | "dossier.extendWithApology" | "dossier.correct" | "webhook.test" | "*";
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
            /** @description code, name, variant, documents (catalogue RequiredDocument), fees { counter, online: FeeQuote, onlineSaving, assumed, missing }, time { provincial, appointmentIfFiledNow }, place { authority, unit, centres, boundaryFree }, online { level, channels, filingLink } */
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
            /** @description Điểm tiếp nhận khi cán bộ tiếp nhận tại quầy / bưu điện; bỏ trống khi nộp trực tuyến */
            intakePointId?: string;
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
        AcceptDossierRequest: {
            /** @description Bắt buộc: phiên bản hồ sơ người gọi đã xem (trường version khi đọc hồ sơ); khác phiên bản hiện tại → 409, không ghi gì; thiếu → 400. Required: the version the caller saw; a stale one is 409 (optimistic concurrency). */
            expectedVersion: number;
            documents?: ({
                id: string;
                fromEWallet?: boolean;
                digitised?: boolean;
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
        /** @description Kết quả đã cấp: ai ký, khi nào, cho hồ sơ và thủ tục nào, còn hiệu lực hay đã thu hồi — không có thông tin cá nhân */
        ResultVerification: {
            verificationId: string;
            url: string;
            /** @enum {string} */
            status: "valid" | "revoked";
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
            status: "valid" | "revoked";
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
        WebhookSubscribe: {
            /** @description Địa chỉ https nhận sự kiện (the receiver's https URL) */
            url: string;
            /** @description Loại sự kiện, hoặc * cho mọi loại (event types, or * for all) */
            eventTypes: ("dossier.file" | "dossier.accept" | "dossier.refuse" | "dossier.requestSupplementation" | "dossier.receiveSupplement" | "dossier.supplementationDeadlinePassed" | "dossier.requestFinancialObligation" | "dossier.paymentConfirmed" | "dossier.completeStep" | "dossier.transfer" | "dossier.approve" | "dossier.reject" | "dossier.sign" | "dossier.resultReady" | "dossier.returnResult" | "dossier.withdraw" | "dossier.stop" | "dossier.extendWithApology" | "dossier.correct" | "webhook.test" | "*")[];
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
