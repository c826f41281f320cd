// Starts every GOV.UK Frontend component on the page (skip link, service navigation, error summary...).
import { initAll } from "../govuk/govuk-frontend.min.js";

initAll();
