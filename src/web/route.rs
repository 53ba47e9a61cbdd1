//! The app's routes: one enum, and the one place that maps each to its
//! path, used by links, redirects and the route table (`app.rs`), so a
//! route cannot be misspelt in one link or left out of the table.

use super::pwa;

/// A page of the app, each one level under the base path.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Route {
    Today,
    Routine,
    Settings,
    Safety,
    Readiness,
    History,
    Trends,
    Report,
    Assessment,
    Plan,
    /// The first-run set-up.
    SetUp,
    /// The two-week try of one change.
    Trial,
}

impl Route {
    /// The route's path segment under the base: "" for Today.
    pub fn segment(self) -> &'static str {
        match self {
            Route::Today => "",
            Route::Routine => "routine",
            Route::Settings => "settings",
            Route::Safety => "safety",
            Route::Readiness => "readiness",
            Route::History => "history",
            Route::Trends => "trends",
            Route::Report => "report",
            Route::Assessment => "assessment",
            Route::Plan => "plan",
            Route::SetUp => "setup",
            Route::Trial => "trial",
        }
    }

    /// The route as a link on this host ("/spinewise/settings").
    pub fn href(self) -> String {
        pwa::href(&format!("/{}", self.segment()))
    }

    /// A link to the part of the route's page with this `id`.
    pub fn href_to(self, id: &str) -> String {
        format!("{}#{id}", self.href())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every route, kept in step with the enum by hand: a new route needs
    /// its own segment, which this test then checks.
    const ALL: [Route; 12] = [
        Route::Today,
        Route::Routine,
        Route::Settings,
        Route::Safety,
        Route::Readiness,
        Route::History,
        Route::Trends,
        Route::Report,
        Route::Assessment,
        Route::Plan,
        Route::SetUp,
        Route::Trial,
    ];

    #[test]
    fn every_route_has_its_own_one_level_path() {
        let segments: Vec<&str> = ALL.iter().map(|r| r.segment()).collect();
        let mut unique = segments.clone();
        unique.sort_unstable();
        unique.dedup();
        assert_eq!(unique.len(), ALL.len(), "{segments:?}");
        for segment in segments {
            assert!(
                segment.chars().all(|c| c.is_ascii_lowercase()),
                "{segment:?}"
            );
        }
    }
}
