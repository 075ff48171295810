package org.jcmflow.web;

import java.util.Set;

import org.springframework.stereotype.Component;

/**
 * Which link of the portal's navigation leads to the page being read, so that the navigation can say so to
 * screen readers ({@code aria-current}) and show it. Templates call it as {@code @navigation}.
 */
@Component("navigation")
public class Navigation {

    private static final Set<String> LINKS = Set.of("/tasks", "/cases", "/cases/new", "/dashboard", "/contracts");

    /**
     * @param path the address of the page being read, without its query
     * @param link the address a navigation link leads to
     * @return {@code page} for the link to this very page, {@code true} for the link to the part of the portal this
     * page belongs to (a case under the cases), or null, which leaves the attribute out
     */
    public String current(String path, String link) {
        if (path == null) {
            return null;
        }
        if (path.equals(link)) {
            return "page";
        }
        return path.startsWith(link + "/") && !LINKS.contains(path) ? "true" : null;
    }
}
