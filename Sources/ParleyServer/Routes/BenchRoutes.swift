import Hummingbird

/// `GET /bench/static-page`, registered only when `BENCH_STATIC_PAGE` names a file: the
/// benchmark's ceiling for the history page (see `StaticPageController`).
enum BenchRoutes {
    static func add(to router: Router<AppRequestContext>, controller: StaticPageController) {
        router.get("bench/static-page", use: controller.page)
    }
}
